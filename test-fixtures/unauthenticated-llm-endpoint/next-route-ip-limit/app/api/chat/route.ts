// Route handler that rate-limits by IP but never checks who the caller is.
import { answer } from '../../../lib/llm';
import { clientIp, ipRatelimit } from '../../../lib/ratelimit';

// expect: unauthenticated-llm-endpoint
export async function POST(req: Request) {
  const { success } = await ipRatelimit.limit(clientIp(req));
  if (!success) return new Response('Too many requests', { status: 429 });
  const { question } = (await req.json()) as { question: string };
  return answer(question).toTextStreamResponse();
}
