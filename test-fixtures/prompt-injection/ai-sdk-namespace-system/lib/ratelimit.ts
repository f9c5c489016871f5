// Upstash limiter for the rewrite API
import { Ratelimit } from '@upstash/ratelimit';
import { Redis } from '@upstash/redis';

export const ratelimit = new Ratelimit({
  redis: Redis.fromEnv(),
  limiter: Ratelimit.tokenBucket(10, '1 m', 20),
  prefix: 'rewrite',
  analytics: true,
});
