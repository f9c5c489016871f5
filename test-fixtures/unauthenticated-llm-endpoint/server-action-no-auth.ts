// Server action limited per IP with Upstash but callable by anyone without a session.
'use server';

import { headers } from 'next/headers';
import { Ratelimit } from '@upstash/ratelimit';
import { Redis } from '@upstash/redis';
import { generateText } from 'ai';
import { anthropic } from '@ai-sdk/anthropic';

const ratelimit = new Ratelimit({ redis: Redis.fromEnv(), limiter: Ratelimit.slidingWindow(5, '1 m') });

// expect: unauthenticated-llm-endpoint
export async function generateCoverLetter(formData: FormData) {
  const ip = (await headers()).get('x-forwarded-for') ?? 'unknown';
  const { success } = await ratelimit.limit(ip);
  if (!success) throw new Error('Too many requests');
  const { text } = await generateText({
    model: anthropic('claude-sonnet-4-5'),
    maxOutputTokens: 900,
    system: 'Write a cover letter based on the job posting the user provides.',
    prompt: String(formData.get('jobPosting') ?? ''),
  });
  return text;
}
