import OpenAI from 'openai';

const openai = new OpenAI();

// expect: unauthenticated-llm-endpoint, missing-rate-limit
export async function POST(req: Request) {
  const { topic } = await req.json();
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_completion_tokens: 300,
    messages: [
      { role: 'system', content: 'Write a tagline.' },
      { role: 'user', content: String(topic) },
    ],
  });
  return Response.json({ tagline: completion.choices[0].message.content });
}
