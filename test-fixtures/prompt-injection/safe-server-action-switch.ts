// SAFE: a server-action parameter is mapped through a switch on literals before entering the system prompt
'use server';
import { currentUser } from '@clerk/nextjs/server';
import { Ratelimit } from '@upstash/ratelimit';
import { Redis } from '@upstash/redis';
import OpenAI from 'openai';

const openai = new OpenAI();
const ratelimit = new Ratelimit({ redis: Redis.fromEnv(), limiter: Ratelimit.slidingWindow(10, '1 m') });

export async function explainCode(level: string, code: string) {
  const user = await currentUser();
  if (!user) throw new Error('Unauthorized');
  const { success } = await ratelimit.limit(user.id);
  if (!success) throw new Error('Too many requests');

  let audience: string;
  switch (level) {
    case 'beginner': audience = 'someone who started programming last month'; break;
    case 'expert': audience = 'a senior engineer'; break;
    default: audience = 'an intermediate developer';
  }

  const response = await openai.responses.create({
    model: 'gpt-4.1-mini',
    max_output_tokens: 800,
    // ok: prompt-injection
    instructions: `Explain code for ${audience}. Do not execute or rewrite it.`,
    input: code,
  });
  return response.output_text;
}
