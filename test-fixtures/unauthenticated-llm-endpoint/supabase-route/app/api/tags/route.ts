// Route handler that checks supabase.auth.getUser() (client from lib/supabase.ts) before tagging a note.
import { Ratelimit } from '@upstash/ratelimit';
import { Redis } from '@upstash/redis';
import { generateText } from 'ai';
import { mistral } from '@ai-sdk/mistral';
import { supabaseForRequest } from '../../../lib/supabase';

const ratelimit = new Ratelimit({ redis: Redis.fromEnv(), limiter: Ratelimit.slidingWindow(30, '1 m') });

// ok: unauthenticated-llm-endpoint
export async function POST(req: Request) {
  const supabase = supabaseForRequest(req);
  const { data: { user } } = await supabase.auth.getUser();
  if (!user) return new Response('Unauthorized', { status: 401 });
  const { success } = await ratelimit.limit(user.id);
  if (!success) return new Response('Too many requests', { status: 429 });
  const { note } = (await req.json()) as { note: string };
  const { text } = await generateText({
    model: mistral('mistral-small-latest'),
    maxOutputTokens: 60,
    system: 'Suggest up to five comma-separated tags for the note.',
    prompt: note,
  });
  return Response.json({ tags: text.split(',').map((t) => t.trim()) });
}
