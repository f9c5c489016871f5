// Translation service built on LangChain's ChatAnthropic.
import { ChatAnthropic } from '@langchain/anthropic';
import { HumanMessage, SystemMessage } from '@langchain/core/messages';

const model = new ChatAnthropic({ model: 'claude-haiku-4-5', maxTokens: 1000 });

export async function translateToEnglish(text: string): Promise<string> {
  const msg = await model.invoke([
    new SystemMessage('Translate the user text into English. Keep formatting and names unchanged.'),
    new HumanMessage(text),
  ]);
  return typeof msg.content === 'string' ? msg.content : JSON.stringify(msg.content);
}
