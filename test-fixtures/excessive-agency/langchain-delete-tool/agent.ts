// Disk-cleanup agent built with createAgent; the delete tool comes from ./tools/cleanup.
import { createAgent } from 'langchain';
import { ChatOpenAI } from '@langchain/openai';
import { deletePath } from './tools/cleanup';

const model = new ChatOpenAI({ model: 'gpt-4.1-mini', maxTokens: 1000 });

const agent = createAgent({
  model,
  tools: [deletePath],
  systemPrompt: 'You free disk space on the build server by removing caches and old artifacts.',
});

export async function cleanUp(request: string) {
  const result = await agent.invoke({ messages: [{ role: 'user', content: request }] });
  return result.messages.at(-1)?.content;
}
