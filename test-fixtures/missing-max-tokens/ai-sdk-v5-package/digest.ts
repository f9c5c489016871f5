// With ai ^5 in package.json, `maxTokens` on generateObject is ignored; streamText uses maxOutputTokens.
import { generateObject, streamText } from 'ai';
import { z } from 'zod';
import { model, SYSTEM } from './lib/model';

export async function digest(conversation: string) {
  // expect: missing-max-tokens
  const { object } = await generateObject({
    model,
    maxTokens: 500,
    system: SYSTEM,
    schema: z.object({ topic: z.string(), sentiment: z.enum(['positive', 'neutral', 'negative']) }),
    prompt: conversation,
  });
  return object;
}

export function liveSummary(conversation: string) {
  // ok: missing-max-tokens
  return streamText({ model, maxOutputTokens: 400, system: SYSTEM, prompt: conversation });
}
