// LangChain tool that refuses any command not in a fixed allowlist before running it.
import { tool } from '@langchain/core/tools';
import { ChatOpenAI } from '@langchain/openai';
import { exec } from 'node:child_process';
import { promisify } from 'node:util';
import { z } from 'zod';

const execAsync = promisify(exec);
const ALLOWED_COMMANDS = ['git status --short', 'git log --oneline -20', 'npm test'];

// ok: excessive-agency
export const repoCommand = tool(async ({ command }) => {
  if (!ALLOWED_COMMANDS.includes(command)) {
    return `Refused: "${command}" is not an allowed command.`;
  }
  const { stdout } = await execAsync(command);
  return stdout;
}, {
  name: 'repo_command',
  description: `Run one of: ${ALLOWED_COMMANDS.join(', ')}`,
  schema: z.object({ command: z.string() }),
});

const llm = new ChatOpenAI({ model: 'gpt-4o-mini', maxTokens: 600 });
export const repoModel = llm.bindTools([repoCommand]);
