// Route handler relying on middleware.ts for auth; it applies its own Upstash rate limit.
import { Ratelimit } from '@upstash/ratelimit';
import { Redis } from '@upstash/redis';
import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';

const ratelimit = new Ratelimit({ redis: Redis.fromEnv(), limiter: Ratelimit.slidingWindow(10, '1 m') });

// ok: unauthenticated-llm-endpoint
export async function POST(req: Request) {
  const { success } = await ratelimit.limit(req.headers.get('x-forwarded-for') ?? 'anonymous');
  if (!success) return new Response('Too many requests', { status: 429 });
  const { text } = (await req.json()) as { text: string };
  const result = await generateText({
    model: openai('gpt-4o-mini'),
    maxOutputTokens: 300,
    system: 'Summarize the text in two sentences.',
    prompt: text,
  });
  return Response.json({ summary: result.text });
}
