// Shared server-side OpenAI client for the support routes (key from server env)
import OpenAI from 'openai';

export const SUPPORT_MODEL = 'gpt-4.1-mini';

export const openai = new OpenAI({
  apiKey: process.env.OPENAI_API_KEY,
  organization: process.env.OPENAI_ORG_ID,
  maxRetries: 2,
  timeout: 30_000,
});
