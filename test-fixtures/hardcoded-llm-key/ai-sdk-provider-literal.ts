// AI SDK provider factory configured with a literal Anthropic key
import { createAnthropic } from '@ai-sdk/anthropic';
import { generateText } from 'ai';

const anthropic = createAnthropic({
  // expect: hardcoded-llm-key
  apiKey: 'sk-ant-api03-qk5znjRyonTESrNg66XOiemeIwnBzPxrJNhbzBgbjFzbcvoHp20AiMVnBLIFlsYABC_QRcaz4GrBBx2OMCmBcYJESDpPDAA',
});

export async function commitMessage(diff: string): Promise<string> {
  const { text } = await generateText({
    model: anthropic('claude-haiku-4-5'),
    maxOutputTokens: 80,
    system: 'Write a conventional-commit message (type: summary) for the diff. One line.',
    prompt: diff,
  });
  return text.trim();
}
