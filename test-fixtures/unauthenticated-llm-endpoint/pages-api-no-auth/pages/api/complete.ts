// pages/api handler throttled with rate-limiter-flexible but open to unauthenticated callers.
import type { NextApiRequest, NextApiResponse } from 'next';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import Anthropic from '@anthropic-ai/sdk';

const anthropic = new Anthropic();
const limiter = new RateLimiterMemory({ points: 5, duration: 60 });

// expect: unauthenticated-llm-endpoint
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  try {
    await limiter.consume(String(req.headers['x-forwarded-for'] ?? req.socket.remoteAddress));
  } catch {
    return res.status(429).json({ error: 'Too many requests' });
  }
  const msg = await anthropic.messages.create({
    model: 'claude-haiku-4-5',
    max_tokens: 300,
    messages: [{ role: 'user', content: String(req.body.text ?? '') }],
  });
  res.status(200).json({ completion: msg.content.find((b) => b.type === 'text')?.text ?? '' });
}
