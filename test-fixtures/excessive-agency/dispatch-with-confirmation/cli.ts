// Terminal assistant: Claude proposes shell commands and ./dispatch runs only the confirmed ones.
import Anthropic from '@anthropic-ai/sdk';
import { runApprovedCommands } from './dispatch';

const anthropic = new Anthropic();

async function main() {
  const msg = await anthropic.messages.create({
    model: 'claude-sonnet-4-5',
    max_tokens: 1024,
    system: 'Propose shell commands with the shell tool to accomplish the task.',
    messages: [{ role: 'user', content: process.argv.slice(2).join(' ') }],
    tools: [{ name: 'shell', description: 'Run a shell command.', input_schema: { type: 'object', properties: { command: { type: 'string' } } } }],
  });
  await runApprovedCommands(msg.content);
}

main();
