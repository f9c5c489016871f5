// SAFE: OpenAI SDK pointed at a local Ollama server; 'ollama' is the documented dummy key
import OpenAI from 'openai';

const local = new OpenAI({
  baseURL: 'http://localhost:11434/v1',
  // ok: hardcoded-llm-key
  apiKey: 'ollama',
});

export async function explainError(stack: string): Promise<string> {
  const completion = await local.chat.completions.create({
    model: 'llama3.1:8b',
    max_tokens: 300,
    messages: [
      { role: 'system', content: 'Explain the likely cause of this Node.js stack trace in plain English.' },
      { role: 'user', content: stack },
    ],
  });
  return completion.choices[0].message.content ?? '';
}
