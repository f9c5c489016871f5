// A Netlify function: anyone can call it.
import type { Context } from '@netlify/functions';
import OpenAI from 'openai';

const openai = new OpenAI();

// expect: missing-rate-limit, unauthenticated-llm-endpoint
export default async (req: Request, context: Context) => {
  const { imageDescription } = await req.json();
  const r = await openai.responses.create({ model: 'gpt-4.1-mini', max_output_tokens: 80, instructions: 'Write an alt text.', input: String(imageDescription) });
  return Response.json({ caption: r.output_text, region: context.geo?.country?.code });
};
