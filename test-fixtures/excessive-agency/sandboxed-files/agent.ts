// Writing agent that uses the confined saveFile tool from ./tools/files.
import { generateText, stepCountIs } from 'ai';
import { openai } from '@ai-sdk/openai';
import { saveFile } from './tools/files';

export async function draftChapter(outline: string) {
  const { text } = await generateText({
    model: openai('gpt-4.1'),
    maxOutputTokens: 4000,
    stopWhen: stepCountIs(4),
    system: 'Write the chapter and save it with saveFile.',
    prompt: outline,
    tools: { saveFile },
  });
  return text;
}
