// Astro API route: the tone comes from the query string but only an allowlisted value reaches the system prompt;
// the question is the user message. Authenticated and rate limited in the handler.
import type { APIRoute } from 'astro';
import OpenAI from 'openai';
import { getSession } from '../../lib/auth';
import { ratelimit } from '../../lib/ratelimit';

const openai = new OpenAI({ apiKey: import.meta.env.OPENAI_API_KEY });
const TONES = ['friendly', 'formal', 'brief'] as const;

export const POST: APIRoute = async ({ request, url }) => {
  const session = await getSession(request);
  if (!session) return new Response('unauthorized', { status: 401 });
  const { success } = await ratelimit.limit(session.userId);
  if (!success) return new Response('slow down', { status: 429 });
  const requested = url.searchParams.get('tone') ?? 'friendly';
  const tone = (TONES as readonly string[]).includes(requested) ? requested : 'friendly';
  const { question } = await request.json();
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_completion_tokens: 300,
    messages: [
      { role: 'system', content: `Answer in a ${tone} tone. Only answer questions about our product.` },
      { role: 'user', content: String(question) },
    ],
  });
  return new Response(JSON.stringify({ answer: completion.choices[0].message.content }));
};
