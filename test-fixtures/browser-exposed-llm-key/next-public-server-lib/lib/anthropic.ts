// Server module, but the key comes from a NEXT_PUBLIC_ variable, which Next.js inlines into client bundles
import Anthropic from '@anthropic-ai/sdk';

export const anthropic = new Anthropic({
  // expect: browser-exposed-llm-key
  apiKey: process.env.NEXT_PUBLIC_ANTHROPIC_API_KEY,
});

export const SUMMARY_MODEL = 'claude-haiku-4-5';
export const SUMMARY_MAX_TOKENS = 400;
