// AI SDK provider pointed at an in-cluster LiteLLM proxy over plain http
import { createOpenAI } from '@ai-sdk/openai';

const litellm = createOpenAI({
  // expect: insecure-llm-transport
  baseURL: 'http://litellm.ml-platform.internal:4000/v1',
  apiKey: process.env.LITELLM_API_KEY,
});

export const summaryModel = litellm.chat('gpt-4.1-mini');
export const SUMMARY_MAX_TOKENS = 500;
