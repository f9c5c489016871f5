// Provider models used by the app (AI SDK v5, key from server env)
import { createOpenAI } from '@ai-sdk/openai';

const provider = createOpenAI({ apiKey: process.env.OPENAI_API_KEY });

export const fastModel = provider('gpt-4.1-mini');
export const smartModel = provider('gpt-4.1');

export const MODEL_BY_TIER = {
  free: fastModel,
  pro: smartModel,
} as const;
