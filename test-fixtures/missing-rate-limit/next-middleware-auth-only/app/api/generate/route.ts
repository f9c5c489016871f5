// Route handler covered by middleware.ts for auth only; nothing limits request volume.
import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';

// expect: missing-rate-limit
export async function POST(req: Request) {
  const { topic } = (await req.json()) as { topic: string };
  const { text } = await generateText({
    model: openai('gpt-4o-mini'),
    maxOutputTokens: 700,
    system: 'Write an outline for a blog post about the topic.',
    prompt: topic,
  });
  return Response.json({ outline: text });
}
