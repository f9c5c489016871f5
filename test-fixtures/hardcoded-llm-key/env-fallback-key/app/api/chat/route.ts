// Next.js route using the client from lib/openai.ts (auth, rate limit and token cap are all in place)
import { auth } from '@/auth';
import { Ratelimit } from '@upstash/ratelimit';
import { Redis } from '@upstash/redis';
import { openai, CHAT_MODEL } from '../../../lib/openai';

const ratelimit = new Ratelimit({ redis: Redis.fromEnv(), limiter: Ratelimit.slidingWindow(20, '1 m') });

export async function POST(req: Request) {
  const session = await auth();
  if (!session) return new Response('Unauthorized', { status: 401 });
  const { success } = await ratelimit.limit(session.user.id);
  if (!success) return new Response('Too many requests', { status: 429 });

  const { message } = await req.json();
  const completion = await openai.chat.completions.create({
    model: CHAT_MODEL,
    max_completion_tokens: 600,
    messages: [
      { role: 'system', content: 'You are a helpful assistant for the Acme dashboard.' },
      { role: 'user', content: message },
    ],
  });
  return Response.json({ reply: completion.choices[0].message.content });
}
