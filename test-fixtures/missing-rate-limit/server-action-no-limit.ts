// Server action with an auth check but no rate limiting before the model call.
'use server';

import { auth } from '@clerk/nextjs/server';
import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';

// expect: missing-rate-limit
export async function rewriteBio(formData: FormData) {
  const { userId } = await auth();
  if (!userId) throw new Error('Unauthorized');
  const { text } = await generateText({
    model: openai('gpt-4o-mini'),
    maxOutputTokens: 300,
    system: 'Rewrite the biography to be concise and friendly.',
    prompt: String(formData.get('bio') ?? ''),
  });
  return text;
}
