// Mastra tools: the model's arguments arrive as `context`. One fetches any URL the model picks; one runs a git
// subcommand chosen from an enum.
import { createTool } from '@mastra/core/tools';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { z } from 'zod';

const run = promisify(execFile);

// expect: excessive-agency
export const fetchPageTool = createTool({
  id: 'fetch-page',
  description: 'Fetch a web page and return its text.',
  inputSchema: z.object({ url: z.string().url() }),
  execute: async ({ context }) => {
    // expect: unvalidated-llm-output
    const res = await fetch(context.url);
    return { body: (await res.text()).slice(0, 20_000) };
  },
});

export const gitTool = createTool({
  id: 'git-info',
  description: 'Read-only git information about the repository.',
  inputSchema: z.object({ command: z.enum(['status', 'log', 'branch']) }),
  execute: async ({ context }) => {
    const { stdout } = await run('git', [context.command, '--no-color']);
    return { output: stdout };
  },
});
