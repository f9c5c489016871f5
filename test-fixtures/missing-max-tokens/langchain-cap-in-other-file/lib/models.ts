// LangChain chat models constructed with maxTokens; callers in other files inherit the cap.
import { ChatAnthropic } from '@langchain/anthropic';
import { ChatMistralAI } from '@langchain/mistralai';

// ok: missing-max-tokens
export const claude = new ChatAnthropic({ model: 'claude-sonnet-4-5', maxTokens: 1500, temperature: 0 });

// ok: missing-max-tokens
export const mistral = new ChatMistralAI({ model: 'mistral-small-latest', maxTokens: 800 });
export const MODEL_NAMES = { claude: 'claude-sonnet-4-5', mistral: 'mistral-small-latest' } as const;
