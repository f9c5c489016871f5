// OpenAI client with a "temporary" literal key as the fallback of the env var
import OpenAI from 'openai';

export const openai = new OpenAI({
  // expect: hardcoded-llm-key
  apiKey: process.env.OPENAI_API_KEY ?? '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',
});

export const CHAT_MODEL = process.env.CHAT_MODEL ?? 'gpt-4.1-mini';
export const EMBEDDING_MODEL = 'text-embedding-3-small';
