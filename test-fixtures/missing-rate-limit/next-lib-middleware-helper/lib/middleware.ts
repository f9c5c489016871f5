// Not Next.js middleware (that is middleware.ts at the app root, run before every route): a helper the route
// handlers call themselves. It rate-limits the handlers that call it, and only those.
import { Ratelimit } from '@upstash/ratelimit';
import { Redis } from '@upstash/redis';

const ratelimit = new Ratelimit({ redis: Redis.fromEnv(), limiter: Ratelimit.slidingWindow(10, '1 m') });

/** A 429 response when the caller is over the limit, else null. */
export async function middleware(req: Request): Promise<Response | null> {
  const ip = req.headers.get('x-forwarded-for') ?? 'anonymous';
  const { success } = await ratelimit.limit(ip);
  if (!success) return new Response('Too many requests', { status: 429 });
  return null;
}
