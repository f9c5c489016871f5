// pages/api handler: session checked with getServerSession, but nothing limits how often it is called.
import type { NextApiRequest, NextApiResponse } from 'next';
import { getServerSession } from 'next-auth/next';
import { authOptions } from '../../lib/auth-options';
import { summarize } from '../../lib/summarize';

// expect: missing-rate-limit
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== 'POST') return res.status(405).end();
  const session = await getServerSession(req, res, authOptions);
  if (!session) return res.status(401).json({ error: 'Unauthorized' });
  const summary = await summarize(String(req.body.text ?? ''));
  res.status(200).json({ summary });
}
