// Hand-written tool dispatch that asks the operator to confirm each command before running it.
import { execSync } from 'node:child_process';
import { createInterface } from 'node:readline/promises';
import type Anthropic from '@anthropic-ai/sdk';

export async function runApprovedCommands(blocks: Anthropic.ContentBlock[]) {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  for (const block of blocks) {
    if (block.type !== 'tool_use' || block.name !== 'shell') continue;
    const { command } = block.input as { command: string };
    const answer = await rl.question(`Run "${command}"? [y/N] `);
    if (answer.trim().toLowerCase() !== 'y') continue;
    // ok: excessive-agency
    console.log(execSync(command, { encoding: 'utf8' }));
  }
  rl.close();
}
