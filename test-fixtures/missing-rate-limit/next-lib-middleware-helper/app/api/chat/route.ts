import OpenAI from 'openai';
import { auth } from '@clerk/nextjs/server';
import { middleware } from '../../../lib/middleware';

const openai = new OpenAI();

// ok: missing-rate-limit
export async function POST(req: Request) {
  const { userId } = await auth();
  if (!userId) return new Response('Unauthorized', { status: 401 });
  const limited = await middleware(req);
  if (limited) return limited;
  const { message } = await req.json();
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_completion_tokens: 400,
    messages: [
      { role: 'system', content: 'You are a helpful assistant.' },
      { role: 'user', content: String(message) },
    ],
  });
  return Response.json({ reply: completion.choices[0].message.content });
}
