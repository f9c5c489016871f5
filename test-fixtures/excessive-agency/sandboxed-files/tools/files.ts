// File tools confined to a sandbox: path.resolve then a startsWith(SANDBOX) check before any write.
import { tool } from 'ai';
import { z } from 'zod';
import path from 'node:path';
import { writeFile } from 'node:fs/promises';

const SANDBOX = path.resolve(process.cwd(), 'workspace');

// ok: excessive-agency
export const saveFile = tool({
  description: 'Save a file inside the workspace folder.',
  inputSchema: z.object({ relativePath: z.string(), content: z.string() }),
  execute: async ({ relativePath, content }) => {
    const target = path.resolve(SANDBOX, relativePath);
    if (!target.startsWith(SANDBOX + path.sep)) {
      throw new Error('Path escapes the workspace');
    }
    await writeFile(target, content, 'utf8');
    return `saved ${path.relative(SANDBOX, target)}`;
  },
});
