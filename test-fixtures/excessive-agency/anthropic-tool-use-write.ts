// Hand-written Anthropic tool_use loop that writes block.input.path to disk without any check.
import Anthropic from '@anthropic-ai/sdk';
import { writeFile } from 'node:fs/promises';

const anthropic = new Anthropic();

export async function scaffold(spec: string) {
  const msg = await anthropic.messages.create({
    model: 'claude-sonnet-4-5',
    max_tokens: 4096,
    system: 'Scaffold the project described by the user by calling save_file once per file.',
    messages: [{ role: 'user', content: spec }],
    tools: [
      {
        name: 'save_file',
        description: 'Save a file to disk.',
        input_schema: { type: 'object', properties: { path: { type: 'string' }, content: { type: 'string' } }, required: ['path', 'content'] },
      },
    ],
  });
  for (const block of msg.content) {
    if (block.type !== 'tool_use' || block.name !== 'save_file') continue;
    const { path, content } = block.input as { path: string; content: string };
    // expect: excessive-agency, unvalidated-llm-output
    await writeFile(path, content, 'utf8');
  }
}
