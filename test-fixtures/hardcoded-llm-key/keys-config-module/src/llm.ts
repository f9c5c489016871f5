// Builds the OpenAI client from the shared config object (the literal lives in config.ts)
import OpenAI from 'openai';
import { config } from './config';

// ok: hardcoded-llm-key
export const openai = new OpenAI({ apiKey: config.openai.apiKey });

export async function complete(system: string, user: string): Promise<string> {
  const res = await openai.chat.completions.create({
    model: config.openai.model,
    max_completion_tokens: 500,
    messages: [
      { role: 'system', content: system },
      { role: 'user', content: user },
    ],
  });
  return res.choices[0].message.content ?? '';
}
