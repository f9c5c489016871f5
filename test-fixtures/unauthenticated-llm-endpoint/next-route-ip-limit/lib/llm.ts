// Streams an answer with the AI SDK; used by app/api/chat/route.ts.
import { streamText } from 'ai';
import { openai } from '@ai-sdk/openai';

export function answer(question: string) {
  return streamText({
    model: openai('gpt-4.1-mini'),
    maxOutputTokens: 900,
    system: 'You are a cooking assistant.',
    prompt: question,
  });
}
