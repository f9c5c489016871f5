// Express middleware that throttles each user with rate-limiter-flexible's consume().
import type { NextFunction, Request, Response } from 'express';
import { RateLimiterMemory } from 'rate-limiter-flexible';

const limiter = new RateLimiterMemory({ points: 10, duration: 60 });

export async function throttle(req: Request, res: Response, next: NextFunction) {
  try {
    await limiter.consume(req.ip ?? 'unknown');
    next();
  } catch {
    res.status(429).json({ error: 'Too many requests' });
  }
}
