// The tool's input schema is a z.enum of npm scripts, so the model can only pick from the allowlist.
import { generateText, tool, stepCountIs } from 'ai';
import { anthropic } from '@ai-sdk/anthropic';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { z } from 'zod';

const execFileAsync = promisify(execFile);

// ok: excessive-agency
const runScript = tool({
  description: 'Run one of the project npm scripts.',
  inputSchema: z.object({ script: z.enum(['lint', 'test', 'build']) }),
  execute: async ({ script }) => {
    const { stdout } = await execFileAsync('npm', ['run', script], { timeout: 120_000 });
    return stdout.slice(-4000);
  },
});

export async function ciHelper(question: string) {
  const { text } = await generateText({
    model: anthropic('claude-sonnet-4-5'),
    maxOutputTokens: 1500,
    stopWhen: stepCountIs(5),
    prompt: question,
    tools: { runScript },
  });
  return text;
}
