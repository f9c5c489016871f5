// Models wrapped with AI SDK middleware: one with default settings that cap the output, one without.
import { openai } from '@ai-sdk/openai';
import { defaultSettingsMiddleware, extractReasoningMiddleware, wrapLanguageModel } from 'ai';

export const cappedModel = wrapLanguageModel({
  model: openai('gpt-4.1-mini'),
  middleware: defaultSettingsMiddleware({ settings: { maxOutputTokens: 600, temperature: 0.2 } }),
});

export const reasoningModel = wrapLanguageModel({
  model: openai('o4-mini'),
  middleware: extractReasoningMiddleware({ tagName: 'think' }),
});
