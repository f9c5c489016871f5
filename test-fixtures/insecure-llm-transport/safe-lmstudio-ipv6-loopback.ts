// SAFE: AI SDK OpenAI-compatible provider for LM Studio on the IPv6 loopback address
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { generateText } from 'ai';

const lmstudio = createOpenAICompatible({
  name: 'lmstudio',
  // ok: insecure-llm-transport
  baseURL: 'http://[::1]:1234/v1',
});

export async function renameVariables(code: string): Promise<string> {
  const { text } = await generateText({
    model: lmstudio('qwen2.5-coder-7b-instruct'),
    maxOutputTokens: 1500,
    system: 'Rename unclear variables in the code. Return only code.',
    prompt: code,
  });
  return text;
}
