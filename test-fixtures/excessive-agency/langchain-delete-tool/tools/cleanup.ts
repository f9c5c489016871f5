// LangChain tool that recursively deletes whatever path the model passes in.
import { tool } from '@langchain/core/tools';
import { rm } from 'node:fs/promises';
import { z } from 'zod';

// expect: excessive-agency
export const deletePath = tool(async ({ target }) => {
  // expect: unvalidated-llm-output
  await rm(target, { recursive: true, force: true });
  return `Deleted ${target}`;
}, {
  name: 'delete_path',
  description: 'Delete a file or directory to free disk space.',
  schema: z.object({ target: z.string().describe('Path to delete') }),
});
