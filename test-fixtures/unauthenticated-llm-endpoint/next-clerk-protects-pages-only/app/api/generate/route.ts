// The API route is outside the protected patterns: nobody has to sign in to spend the model quota.
import OpenAI from 'openai';
import { Ratelimit } from '@upstash/ratelimit';
import { Redis } from '@upstash/redis';

const openai = new OpenAI();
const ratelimit = new Ratelimit({ redis: Redis.fromEnv(), limiter: Ratelimit.slidingWindow(10, '1 m') });

// expect: unauthenticated-llm-endpoint
export async function POST(req: Request) {
  const { success } = await ratelimit.limit(req.headers.get('x-forwarded-for') ?? 'anon');
  if (!success) return new Response('slow down', { status: 429 });
  const { topic } = await req.json();
  const r = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_completion_tokens: 200,
    messages: [
      { role: 'system', content: 'Write a haiku.' },
      { role: 'user', content: String(topic) },
    ],
  });
  return Response.json({ haiku: r.choices[0].message.content });
}
