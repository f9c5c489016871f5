// Shared AI helper used by the chat route; streams a Claude answer through the AI SDK.
import { streamText } from 'ai';
import { anthropic } from '@ai-sdk/anthropic';

export function streamAnswer(question: string) {
  return streamText({
    model: anthropic('claude-sonnet-4-5'),
    maxOutputTokens: 1000,
    system: 'You answer questions about our product documentation.',
    prompt: question,
  });
}
