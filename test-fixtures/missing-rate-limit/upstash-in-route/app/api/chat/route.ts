// Route handler that calls ratelimit.limit() (from lib/ratelimit.ts) and returns 429 before the model call.
import { auth } from '@clerk/nextjs/server';
import { streamText } from 'ai';
import { anthropic } from '@ai-sdk/anthropic';
import { ratelimit } from '../../../lib/ratelimit';

// ok: missing-rate-limit
export async function POST(req: Request) {
  const { userId } = await auth();
  if (!userId) return new Response('Unauthorized', { status: 401 });
  const { success } = await ratelimit.limit(userId);
  if (!success) return new Response('Too many requests', { status: 429 });
  const { question } = (await req.json()) as { question: string };
  const result = streamText({ model: anthropic('claude-haiku-4-5'), maxOutputTokens: 600, prompt: question });
  return result.toTextStreamResponse();
}
