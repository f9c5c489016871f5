// Cohere v2 client constructed with a literal token (Cohere keys have no prefix)
import { CohereClientV2 } from 'cohere-ai';

const cohere = new CohereClientV2({
  // expect: hardcoded-llm-key
  token: 'EVXQa9Sv32ly5O84vSht2nGIdvvHbOWK9cJbEshd',
});

export async function rewriteProductTitle(title: string): Promise<string> {
  const res = await cohere.chat({
    model: 'command-r-08-2024',
    maxTokens: 60,
    messages: [
      { role: 'system', content: 'Rewrite e-commerce product titles to be under 70 characters.' },
      { role: 'user', content: title },
    ],
  });
  const first = res.message?.content?.[0];
  return first && 'text' in first ? first.text : title;
}
