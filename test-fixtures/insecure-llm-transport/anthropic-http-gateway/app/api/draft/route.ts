// Next.js route using the gateway client from lib/anthropic.ts (auth, rate limit, token cap in place)
import { auth } from '@/auth';
import { Ratelimit } from '@upstash/ratelimit';
import { Redis } from '@upstash/redis';
import { anthropic, DRAFT_MODEL } from '../../../lib/anthropic';

const ratelimit = new Ratelimit({ redis: Redis.fromEnv(), limiter: Ratelimit.slidingWindow(10, '1 m') });

export async function POST(req: Request) {
  const session = await auth();
  if (!session) return new Response('Unauthorized', { status: 401 });
  const { success } = await ratelimit.limit(session.user.id);
  if (!success) return new Response('Too many requests', { status: 429 });

  const { notes } = await req.json();
  const msg = await anthropic.messages.create({
    model: DRAFT_MODEL,
    max_tokens: 1200,
    system: 'Turn meeting notes into a project status update.',
    messages: [{ role: 'user', content: notes }],
  });
  const block = msg.content[0];
  return Response.json({ draft: block.type === 'text' ? block.text : '' });
}
