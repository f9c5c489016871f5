// Builds a LangChain v1 agent whose systemPrompt embeds a caller-supplied tenant name
import { createAgent } from 'langchain';
import { ChatOpenAI } from '@langchain/openai';

const model = new ChatOpenAI({ model: 'gpt-4.1-mini', maxTokens: 800, temperature: 0.2 });

export function buildSupportAgent(tenantName: string) {
  return createAgent({
    model,
    tools: [],
    // expect: prompt-injection
    systemPrompt: `You are the helpdesk agent for ${tenantName}. Escalate billing questions to a human.`,
  });
}
