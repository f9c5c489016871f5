// Next.js route using the LiteLLM-backed model from lib/ai.ts (auth, rate limit, token cap in place)
import { generateText } from 'ai';
import { getServerSession } from 'next-auth';
import { Ratelimit } from '@upstash/ratelimit';
import { Redis } from '@upstash/redis';
import { authOptions } from '../../../lib/auth';
import { summaryModel, SUMMARY_MAX_TOKENS } from '../../../lib/ai';

const ratelimit = new Ratelimit({ redis: Redis.fromEnv(), limiter: Ratelimit.slidingWindow(10, '1 m') });

export async function POST(req: Request) {
  const session = await getServerSession(authOptions);
  if (!session) return new Response('Unauthorized', { status: 401 });
  const { success } = await ratelimit.limit(req.headers.get('x-forwarded-for') ?? 'anon');
  if (!success) return new Response('Too many requests', { status: 429 });

  const { text: input } = await req.json();
  const { text } = await generateText({
    model: summaryModel,
    maxOutputTokens: SUMMARY_MAX_TOKENS,
    system: 'Summarize the text in three sentences.',
    prompt: input,
  });
  return Response.json({ summary: text });
}
