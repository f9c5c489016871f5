// AI SDK dynamicTool loaded at run time that spawns a shell with the model-provided script.
import { dynamicTool, generateText, stepCountIs } from 'ai';
import { openai } from '@ai-sdk/openai';
import { spawn } from 'node:child_process';
import { z } from 'zod';

// expect: excessive-agency
const scriptRunner = dynamicTool({
  description: 'Run a shell script and return its exit code.',
  inputSchema: z.object({}).passthrough(),
  execute: async (input) => {
    const { script } = input as { script: string };
    return new Promise<number>((resolve) => {
      // expect: unvalidated-llm-output
      spawn('sh', ['-c', script], { stdio: 'inherit' }).on('exit', (code) => resolve(code ?? 1));
    });
  },
});

export async function automate(goal: string) {
  const { text } = await generateText({
    model: openai('gpt-4.1-mini'),
    maxOutputTokens: 1500,
    stopWhen: stepCountIs(6),
    prompt: goal,
    tools: { scriptRunner },
  });
  return text;
}
