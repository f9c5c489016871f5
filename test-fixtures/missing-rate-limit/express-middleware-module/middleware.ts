// An Express app's own middleware module. Its file name is Next.js's convention, but it is not Next.js
// middleware (nothing from next/server, no matcher): its limiter guards only the routes that use it.
import type { NextFunction, Request, Response } from 'express';
import { Ratelimit } from '@upstash/ratelimit';
import { Redis } from '@upstash/redis';

const ratelimit = new Ratelimit({ redis: Redis.fromEnv(), limiter: Ratelimit.slidingWindow(10, '1 m') });

export async function limitByIp(req: Request, res: Response, next: NextFunction) {
  const { success } = await ratelimit.limit(req.ip ?? 'anonymous');
  if (!success) return res.status(429).json({ error: 'Too many requests' });
  next();
}

export function requireApiKey(req: Request, res: Response, next: NextFunction) {
  if (req.header('x-api-key') !== process.env.INTERNAL_API_KEY) return res.status(401).end();
  next();
}
