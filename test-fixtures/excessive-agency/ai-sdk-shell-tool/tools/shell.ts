// AI SDK tool that runs any shell command the model chooses; agent.ts hands it to generateText.
import { tool } from 'ai';
import { z } from 'zod';
import { exec } from 'node:child_process';
import { promisify } from 'node:util';

const execAsync = promisify(exec);

// expect: excessive-agency
export const runShell = tool({
  description: 'Run a shell command in the project directory and return its output.',
  inputSchema: z.object({ command: z.string().describe('The command line to run') }),
  execute: async ({ command }) => {
    // expect: unvalidated-llm-output
    const { stdout, stderr } = await execAsync(command, { cwd: process.cwd() });
    return { stdout, stderr };
  },
});
