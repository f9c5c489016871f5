// Options come from a spread or a parameter, so the cap is not visible here: no finding.
import OpenAI from 'openai';
import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import { generateText } from 'ai';

const openai = new OpenAI();

export function complete(params: ChatCompletionCreateParamsNonStreaming) {
  // ok: missing-max-tokens
  return openai.chat.completions.create(params);
}

export async function withDefaults(defaults: Omit<ChatCompletionCreateParamsNonStreaming, 'messages'>, question: string) {
  // ok: missing-max-tokens
  const completion = await openai.chat.completions.create({
    ...defaults,
    messages: [{ role: 'user', content: question }],
  });
  return completion.choices[0].message.content;
}

export async function run(options: Parameters<typeof generateText>[0]) {
  // ok: missing-max-tokens
  const { text } = await generateText({ ...options });
  return text;
}
