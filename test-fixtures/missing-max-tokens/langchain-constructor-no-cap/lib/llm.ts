// LangChain ChatOpenAI built without maxTokens; the finding is at the constructor, not at invoke.
import { ChatOpenAI } from '@langchain/openai';

// expect: missing-max-tokens
export const llm = new ChatOpenAI({
  model: 'gpt-4o-mini',
  temperature: 0,
  timeout: 30_000,
  maxRetries: 2,
});
