// SAFE: an internal HTTPS gateway injects the real key, so the client is given an empty string
import OpenAI from 'openai';

const gateway = new OpenAI({
  baseURL: 'https://llm-gateway.acme.internal/v1',
  // ok: hardcoded-llm-key
  apiKey: '',
  defaultHeaders: { 'x-acme-service': 'search-api' },
});

export async function rewriteQuery(query: string): Promise<string> {
  const completion = await gateway.chat.completions.create({
    model: 'gpt-4.1-mini',
    max_completion_tokens: 60,
    messages: [
      { role: 'system', content: 'Rewrite the search query to fix typos. Return only the query.' },
      { role: 'user', content: query },
    ],
  });
  return completion.choices[0].message.content ?? query;
}
