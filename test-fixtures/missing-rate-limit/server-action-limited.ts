// Server action that checks the session and an Upstash limit before calling the model.
'use server';

import { auth } from '@clerk/nextjs/server';
import { Ratelimit } from '@upstash/ratelimit';
import { Redis } from '@upstash/redis';
import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';

const ratelimit = new Ratelimit({ redis: Redis.fromEnv(), limiter: Ratelimit.fixedWindow(5, '1 m') });

// ok: missing-rate-limit
export async function suggestReply(formData: FormData) {
  const { userId } = await auth();
  if (!userId) throw new Error('Unauthorized');
  const { success } = await ratelimit.limit(userId);
  if (!success) throw new Error('Too many requests');
  const { text } = await generateText({
    model: openai('gpt-4o-mini'),
    maxOutputTokens: 250,
    system: 'Draft a polite reply to the customer message.',
    prompt: String(formData.get('message') ?? ''),
  });
  return text;
}
