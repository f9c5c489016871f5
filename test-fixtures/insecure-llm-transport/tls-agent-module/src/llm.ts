// OpenAI v4 client that receives the insecure agent from tls.ts
import OpenAI from 'openai';
import { proxyAgent, OUTBOUND_TIMEOUT_MS } from './tls';

export const openai = new OpenAI({
  apiKey: process.env.OPENAI_API_KEY,
  httpAgent: proxyAgent,
  timeout: OUTBOUND_TIMEOUT_MS,
});

export async function sentiment(text: string): Promise<string> {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_completion_tokens: 5,
    messages: [
      { role: 'system', content: 'Reply with positive, neutral or negative.' },
      { role: 'user', content: text },
    ],
  });
  return completion.choices[0].message.content ?? 'neutral';
}
