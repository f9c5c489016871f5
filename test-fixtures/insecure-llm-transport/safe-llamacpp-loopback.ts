// SAFE: OpenAI SDK against a llama.cpp server bound to 127.0.0.1 (loopback)
import OpenAI from 'openai';

const local = new OpenAI({
  // ok: insecure-llm-transport
  baseURL: 'http://127.0.0.1:8080/v1',
  apiKey: 'dummy',
});

export async function fixJson(broken: string): Promise<string> {
  const completion = await local.chat.completions.create({
    model: 'qwen2.5-7b-instruct',
    max_tokens: 400,
    messages: [
      { role: 'system', content: 'Repair the JSON so it parses. Output only JSON.' },
      { role: 'user', content: broken },
    ],
  });
  return completion.choices[0].message.content ?? '';
}
