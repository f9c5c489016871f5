// Astro API route with no middleware and no checks: anyone can call the model.
import type { APIRoute } from 'astro';
import OpenAI from 'openai';

const openai = new OpenAI({ apiKey: import.meta.env.OPENAI_API_KEY });

// expect: missing-rate-limit, unauthenticated-llm-endpoint
export const POST: APIRoute = async ({ request }) => {
  const { product } = await request.json();
  const r = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 200,
    messages: [
      { role: 'system', content: 'Write a one-sentence product description.' },
      { role: 'user', content: String(product) },
    ],
  });
  return new Response(JSON.stringify({ text: r.choices[0].message.content }));
};
