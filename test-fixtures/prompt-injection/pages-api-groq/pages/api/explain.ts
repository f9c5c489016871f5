// Next.js pages API: `req.query.level` is concatenated into a Groq system message
import type { NextApiRequest, NextApiResponse } from 'next';
import { getServerSession } from 'next-auth/next';
import Groq from 'groq-sdk';
import { Ratelimit } from '@upstash/ratelimit';
import { kv } from '@vercel/kv';
import { authOptions } from '../../lib/auth';

const groq = new Groq({ apiKey: process.env.GROQ_API_KEY });
const ratelimit = new Ratelimit({ redis: kv, limiter: Ratelimit.slidingWindow(10, '10 s') });

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const session = await getServerSession(req, res, authOptions);
  if (!session) return res.status(401).json({ error: 'Unauthorized' });
  const { success } = await ratelimit.limit(req.socket.remoteAddress ?? 'anon');
  if (!success) return res.status(429).json({ error: 'Too many requests' });

  const chat = await groq.chat.completions.create({
    model: 'llama-3.3-70b-versatile',
    max_completion_tokens: 500,
    messages: [
      // expect: prompt-injection
      { role: 'system', content: 'Explain concepts at a ' + req.query.level + ' level. Use short paragraphs.' },
      // ok: prompt-injection
      { role: 'user', content: String(req.body.concept) },
    ],
  });
  res.status(200).json({ text: chat.choices[0]?.message?.content });
}
