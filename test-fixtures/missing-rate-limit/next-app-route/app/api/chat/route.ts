// App Router handler with Clerk auth but no rate limit; it reaches the model through lib/ai.ts.
import { auth } from '@clerk/nextjs/server';
import { streamAnswer } from '../../../lib/ai';

// expect: missing-rate-limit
export async function POST(req: Request) {
  const { userId } = await auth();
  if (!userId) return new Response('Unauthorized', { status: 401 });
  const { question } = await req.json();
  const result = streamAnswer(String(question));
  return result.toTextStreamResponse();
}
