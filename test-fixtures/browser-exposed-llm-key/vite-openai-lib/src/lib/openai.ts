// Vite SPA: the OpenAI client is created with a VITE_ key (inlined into the bundle) and allowed in the browser
import OpenAI from 'openai';

export const openai = new OpenAI({
  apiKey: import.meta.env.VITE_OPENAI_API_KEY,
  // expect: browser-exposed-llm-key
  dangerouslyAllowBrowser: true,
});

export const CHAT_MODEL = 'gpt-4.1-mini';
export const MAX_TOKENS = 500;
