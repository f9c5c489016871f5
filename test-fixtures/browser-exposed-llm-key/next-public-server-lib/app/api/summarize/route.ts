// Next.js route using the client from lib/anthropic.ts (auth, rate limit and token cap are in place)
import { auth } from '@/auth';
import { Ratelimit } from '@upstash/ratelimit';
import { Redis } from '@upstash/redis';
import { anthropic, SUMMARY_MODEL, SUMMARY_MAX_TOKENS } from '../../../lib/anthropic';

const ratelimit = new Ratelimit({ redis: Redis.fromEnv(), limiter: Ratelimit.slidingWindow(10, '1 m') });

export async function POST(req: Request) {
  const session = await auth();
  if (!session) return new Response('Unauthorized', { status: 401 });
  const { success } = await ratelimit.limit(session.user.id);
  if (!success) return new Response('Too many requests', { status: 429 });

  const { text } = await req.json();
  const msg = await anthropic.messages.create({
    model: SUMMARY_MODEL,
    max_tokens: SUMMARY_MAX_TOKENS,
    system: 'Summarize the document in five bullet points.',
    messages: [{ role: 'user', content: text }],
  });
  const block = msg.content[0];
  return Response.json({ summary: block.type === 'text' ? block.text : '' });
}
