// Next.js route: the `tone` field of the JSON body is spliced into the developer (system) message
import { auth } from '@/auth';
import { openai, SUPPORT_MODEL } from '../../../lib/openai';
import { ratelimit } from '../../../lib/ratelimit';

export async function POST(req: Request) {
  const session = await auth();
  if (!session) return new Response('Unauthorized', { status: 401 });
  const { success } = await ratelimit.limit(session.user.id);
  if (!success) return new Response('Too many requests', { status: 429 });

  const { message, tone } = await req.json();

  const completion = await openai.chat.completions.create({
    model: SUPPORT_MODEL,
    max_completion_tokens: 800,
    messages: [
      {
        role: 'developer',
        // expect: prompt-injection
        content: `You are the Acme support assistant. Answer in a ${tone} tone and never promise refunds.`,
      },
      // ok: prompt-injection
      { role: 'user', content: message },
    ],
  });

  return Response.json({ reply: completion.choices[0].message.content });
}
