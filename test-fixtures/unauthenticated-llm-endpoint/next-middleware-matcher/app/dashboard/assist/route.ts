import OpenAI from 'openai';

const openai = new OpenAI();

// ok: unauthenticated-llm-endpoint
// expect: missing-rate-limit
export async function POST(req: Request) {
  const { question } = await req.json();
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_completion_tokens: 300,
    messages: [
      { role: 'system', content: 'Answer questions about the dashboard.' },
      { role: 'user', content: String(question) },
    ],
  });
  return Response.json({ answer: completion.choices[0].message.content });
}
