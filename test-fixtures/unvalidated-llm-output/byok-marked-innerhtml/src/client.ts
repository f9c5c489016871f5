// Browser OpenAI client built from the user's own key (bring-your-own-key); used by render.ts.
import OpenAI from 'openai';

export function createClient(apiKey: string): OpenAI {
  if (!apiKey.trim()) {
    throw new Error('Paste your OpenAI API key in the settings panel first.');
  }
  // ok: browser-exposed-llm-key
  return new OpenAI({ apiKey, dangerouslyAllowBrowser: true });
}
