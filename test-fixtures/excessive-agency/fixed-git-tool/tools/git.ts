// DynamicTool that runs one fixed git command; the model's input string never reaches the process.
import { DynamicTool } from '@langchain/core/tools';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

// ok: excessive-agency
export const gitStatus = new DynamicTool({
  name: 'git_status',
  description: 'Show the short git status of the repository. Takes no input.',
  func: async () => {
    const { stdout } = await execFileAsync('git', ['status', '--short'], { cwd: process.cwd() });
    return stdout || 'clean';
  },
});
