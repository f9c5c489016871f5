// Coding agent loop that gives the model the shell tool from ./tools/shell.
import { generateText, stepCountIs } from 'ai';
import { openai } from '@ai-sdk/openai';
import { runShell } from './tools/shell';

export async function fixFailingTests(issue: string) {
  const { text, steps } = await generateText({
    model: openai('gpt-4.1'),
    maxOutputTokens: 2000,
    stopWhen: stepCountIs(15),
    system: 'You are a coding agent. Use the shell to run the test suite and fix failures.',
    prompt: issue,
    tools: { runShell },
  });
  return { text, steps: steps.length };
}
