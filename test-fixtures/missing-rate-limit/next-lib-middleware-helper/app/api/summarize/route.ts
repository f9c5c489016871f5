import OpenAI from 'openai';
import { auth } from '@clerk/nextjs/server';

const openai = new OpenAI();

// The summarizer was added later and nobody wrapped it in withRateLimit.
// expect: missing-rate-limit
export async function POST(req: Request) {
  const { userId } = await auth();
  if (!userId) return new Response('Unauthorized', { status: 401 });
  const { text } = await req.json();
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_completion_tokens: 300,
    messages: [
      { role: 'system', content: 'Summarize the user text in three sentences.' },
      { role: 'user', content: String(text) },
    ],
  });
  return Response.json({ summary: completion.choices[0].message.content });
}
