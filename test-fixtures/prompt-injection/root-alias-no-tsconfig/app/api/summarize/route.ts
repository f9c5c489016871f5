import { llm, DEFAULT_MODEL } from '@/lib';

// expect: missing-rate-limit, unauthenticated-llm-endpoint
export async function POST(request: Request) {
  const style = new URL(request.url).searchParams.get('style') ?? 'plain bullet points';
  const { document } = await request.json();
  const response = await llm.responses.create({
    model: DEFAULT_MODEL,
    // expect: prompt-injection
    instructions: `Summarise the document. Style guide: ${style}. Do not include personal opinions.`,
    // ok: prompt-injection
    input: document,
    max_output_tokens: 700,
  });
  return Response.json({ summary: response.output_text });
}
