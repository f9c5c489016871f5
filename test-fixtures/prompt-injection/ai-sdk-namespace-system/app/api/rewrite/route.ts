// Next.js route (AI SDK v5, namespace import): a URL search param sets the audience in `system`
import * as ai from 'ai';
import type { NextRequest } from 'next/server';
import { getServerSession } from 'next-auth';
import { authOptions } from '../../../lib/auth';
import { ratelimit } from '../../../lib/ratelimit';
import { fastModel } from '../../../lib/models';

export async function POST(req: NextRequest) {
  const session = await getServerSession(authOptions);
  if (!session) return new Response('Unauthorized', { status: 401 });
  const { success } = await ratelimit.limit(req.headers.get('x-forwarded-for') ?? 'anon');
  if (!success) return new Response('Too many requests', { status: 429 });

  const audience = req.nextUrl.searchParams.get('audience') ?? 'general readers';
  const { draft } = await req.json();

  const result = ai.streamText({
    model: fastModel,
    maxOutputTokens: 1200,
    // expect: prompt-injection
    system: `Rewrite the user's draft for ${audience}. Keep the author's voice and facts.`,
    // ok: prompt-injection
    prompt: draft,
  });
  return result.toTextStreamResponse();
}
