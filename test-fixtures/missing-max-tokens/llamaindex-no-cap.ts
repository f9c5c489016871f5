// LlamaIndex OpenAI LLM constructed without maxTokens; the finding is at the constructor.
import { OpenAI } from '@llamaindex/openai';
import { Settings } from 'llamaindex';

// expect: missing-max-tokens
const llm = new OpenAI({ model: 'gpt-4o-mini', temperature: 0.1 });
Settings.llm = llm;

export async function rewriteHeadline(headline: string) {
  const response = await llm.chat({
    messages: [
      { role: 'system', content: 'Rewrite the headline to be clearer and under ten words.' },
      { role: 'user', content: headline },
    ],
  });
  return response.message.content;
}
