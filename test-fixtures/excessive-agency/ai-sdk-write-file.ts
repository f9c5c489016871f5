// Docs agent whose writeFile tool creates or overwrites any path the model names.
import { streamText, tool, stepCountIs } from 'ai';
import { anthropic } from '@ai-sdk/anthropic';
import { z } from 'zod';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export function updateDocs(request: string) {
  return streamText({
    model: anthropic('claude-sonnet-4-5'),
    maxOutputTokens: 4000,
    stopWhen: stepCountIs(10),
    system: 'Keep the markdown docs in sync with the request. Save changes with the writeFile tool.',
    prompt: request,
    tools: {
      // expect: excessive-agency
      writeFile: tool({
        description: 'Create or overwrite a file with the given content.',
        inputSchema: z.object({ filePath: z.string(), content: z.string() }),
        execute: async ({ filePath, content }) => {
          // expect: unvalidated-llm-output
          await mkdir(path.dirname(filePath), { recursive: true });
          // expect: unvalidated-llm-output
          await writeFile(filePath, content, 'utf8');
          return `wrote ${content.length} characters to ${filePath}`;
        },
      }),
    },
  });
}
