// Classifies a shopper's request into a product category with the AI SDK.
import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';

export async function guessCategory(request: string): Promise<string> {
  const { text } = await generateText({
    model: openai('gpt-4o-mini'),
    maxOutputTokens: 20,
    system: 'Reply with the single product category that best fits the request.',
    prompt: request,
  });
  return text.trim().toLowerCase();
}
