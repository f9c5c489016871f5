// Release helper agent that binds the fixed git_status tool from ./tools/git.
import { ChatAnthropic } from '@langchain/anthropic';
import { createReactAgent } from '@langchain/langgraph/prebuilt';
import { gitStatus } from './tools/git';

const llm = new ChatAnthropic({ model: 'claude-haiku-4-5', maxTokens: 800 });
const agent = createReactAgent({ llm, tools: [gitStatus] });

export async function releaseReadiness(question: string) {
  const result = await agent.invoke({ messages: [{ role: 'user', content: question }] });
  return result.messages.at(-1)?.content;
}
