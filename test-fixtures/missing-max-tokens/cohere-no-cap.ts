// Cohere v2 chat without maxTokens.
import { CohereClientV2 } from 'cohere-ai';

const cohere = new CohereClientV2({ token: process.env.COHERE_API_KEY });

export async function answerFromPolicy(question: string) {
  // expect: missing-max-tokens
  const response = await cohere.chat({
    model: 'command-r-plus-08-2024',
    messages: [
      { role: 'system', content: 'Answer questions about the travel policy politely.' },
      { role: 'user', content: question },
    ],
    temperature: 0.3,
  });
  return response.message?.content?.[0]?.text;
}
