// Upstash limiter keyed by client IP, shared by the API routes.
import { Ratelimit } from '@upstash/ratelimit';
import { Redis } from '@upstash/redis';

export const ipRatelimit = new Ratelimit({
  redis: Redis.fromEnv(),
  limiter: Ratelimit.slidingWindow(15, '1 m'),
  prefix: 'ip',
});

export function clientIp(req: Request): string {
  return req.headers.get('x-forwarded-for')?.split(',')[0]?.trim() ?? '127.0.0.1';
}
