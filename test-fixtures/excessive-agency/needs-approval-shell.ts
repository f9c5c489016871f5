// Shell tool gated by needsApproval: the user must approve each command before execute runs.
import { streamText, tool, stepCountIs } from 'ai';
import { openai } from '@ai-sdk/openai';
import { z } from 'zod';
import { exec } from 'node:child_process';
import { promisify } from 'node:util';

const execAsync = promisify(exec);

export function devAssistant(request: string) {
  return streamText({
    model: openai('gpt-4.1'),
    maxOutputTokens: 2000,
    stopWhen: stepCountIs(10),
    system: 'You help developers with their local checkout.',
    prompt: request,
    tools: {
      // ok: excessive-agency
      runShell: tool({
        description: 'Run a shell command after the user approves it.',
        inputSchema: z.object({ command: z.string() }),
        needsApproval: true,
        execute: async ({ command }) => (await execAsync(command)).stdout,
      }),
    },
  });
}
