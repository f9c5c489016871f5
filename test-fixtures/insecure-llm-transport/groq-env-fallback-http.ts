// Groq client whose base URL falls back to a plain-http internal proxy when the env var is unset
import Groq from 'groq-sdk';

const groq = new Groq({
  apiKey: process.env.GROQ_API_KEY,
  // expect: insecure-llm-transport
  baseURL: process.env.GROQ_BASE_URL ?? 'http://groq-proxy.internal:8080',
});

export async function autocomplete(prefix: string): Promise<string> {
  const chat = await groq.chat.completions.create({
    model: 'llama-3.1-8b-instant',
    max_completion_tokens: 32,
    messages: [
      { role: 'system', content: 'Complete the search query. Return only the completion.' },
      { role: 'user', content: prefix },
    ],
  });
  return chat.choices[0]?.message?.content ?? '';
}
