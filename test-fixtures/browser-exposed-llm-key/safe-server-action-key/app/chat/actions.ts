// SAFE: the OpenAI client lives in a 'use server' module with a server-only env key
'use server';
import OpenAI from 'openai';
import { auth } from '@/auth';
import { Ratelimit } from '@upstash/ratelimit';
import { Redis } from '@upstash/redis';

// ok: browser-exposed-llm-key
const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
const ratelimit = new Ratelimit({ redis: Redis.fromEnv(), limiter: Ratelimit.slidingWindow(20, '1 m') });

export async function reply(message: string): Promise<string> {
  const session = await auth();
  if (!session) throw new Error('Unauthorized');
  const { success } = await ratelimit.limit(session.user.id);
  if (!success) throw new Error('Too many requests');

  const completion = await openai.chat.completions.create({
    model: 'gpt-4.1-mini',
    max_completion_tokens: 400,
    messages: [
      { role: 'system', content: 'You are a helpful assistant for Acme customers.' },
      { role: 'user', content: message },
    ],
  });
  return completion.choices[0].message.content ?? '';
}
