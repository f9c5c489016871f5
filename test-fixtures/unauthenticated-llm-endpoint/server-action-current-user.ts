// Server action that requires a signed-in Clerk user (currentUser) and an Upstash limit before the model.
'use server';

import { currentUser } from '@clerk/nextjs/server';
import { Ratelimit } from '@upstash/ratelimit';
import { Redis } from '@upstash/redis';
import OpenAI from 'openai';

const openai = new OpenAI();
const ratelimit = new Ratelimit({ redis: Redis.fromEnv(), limiter: Ratelimit.slidingWindow(10, '1 m') });

// ok: unauthenticated-llm-endpoint
export async function brainstorm(formData: FormData) {
  const user = await currentUser();
  if (!user) throw new Error('Unauthorized');
  const { success } = await ratelimit.limit(user.id);
  if (!success) throw new Error('Too many requests');
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_completion_tokens: 400,
    messages: [
      { role: 'system', content: 'List five project name ideas.' },
      { role: 'user', content: String(formData.get('idea') ?? '') },
    ],
  });
  return completion.choices[0].message.content;
}
