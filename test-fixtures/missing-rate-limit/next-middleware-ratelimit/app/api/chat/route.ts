// Route handler with no checks of its own: middleware.ts already authenticates and rate-limits /api.
import { streamText } from 'ai';
import { openai } from '@ai-sdk/openai';

// ok: missing-rate-limit, unauthenticated-llm-endpoint
export async function POST(req: Request) {
  const { prompt } = (await req.json()) as { prompt: string };
  const result = streamText({
    model: openai('gpt-4o-mini'),
    maxOutputTokens: 800,
    system: 'You are a helpful assistant for our documentation site.',
    prompt,
  });
  return result.toTextStreamResponse();
}
