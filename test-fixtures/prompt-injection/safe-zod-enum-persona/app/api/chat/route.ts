// SAFE: the persona used in the system prompt is validated with z.enum; the free text stays in the user message
import { z } from 'zod';
import Anthropic from '@anthropic-ai/sdk';
import { Ratelimit } from '@upstash/ratelimit';
import { Redis } from '@upstash/redis';
import { auth } from '@/auth';

const anthropic = new Anthropic();
const ratelimit = new Ratelimit({ redis: Redis.fromEnv(), limiter: Ratelimit.slidingWindow(20, '1 m') });

const Body = z.object({
  persona: z.enum(['pirate', 'teacher', 'poet']),
  message: z.string().min(1).max(4000),
});

export async function POST(req: Request) {
  const session = await auth();
  if (!session) return new Response('Unauthorized', { status: 401 });
  const { success } = await ratelimit.limit(session.user.id);
  if (!success) return new Response('Too many requests', { status: 429 });

  const { persona, message } = Body.parse(await req.json());

  const reply = await anthropic.messages.create({
    model: 'claude-haiku-4-5',
    max_tokens: 600,
    // ok: prompt-injection
    system: `You are a friendly ${persona}. Stay in character and keep replies short.`,
    messages: [{ role: 'user', content: message }],
  });
  const first = reply.content[0];
  return Response.json({ text: first.type === 'text' ? first.text : '' });
}
