// LangChain agent: the Stripe secret key is written into the agent's systemPrompt "so it can call the API"
import { createAgent } from 'langchain';
import { ChatAnthropic } from '@langchain/anthropic';

const model = new ChatAnthropic({ model: 'claude-sonnet-4-5', maxTokens: 1500 });

export const billingAgent = createAgent({
  model,
  tools: [],
  // expect: secret-in-prompt
  systemPrompt: `You are a billing assistant. When you need Stripe data, authenticate with ${process.env.STRIPE_SECRET_KEY}.`,
});

export async function answerBillingQuestion(question: string) {
  const result = await billingAgent.invoke({
    messages: [{ role: 'user', content: question }],
  });
  return result.messages.at(-1)?.content;
}
