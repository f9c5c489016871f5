// Summaries with Claude. Customer contact details are redacted before they reach the prompt; the agent can
// run a diagnostic command, which the user approves first.
import { generateText, tool, stepCountIs } from 'ai';
import { anthropic } from '@ai-sdk/anthropic';
import { z } from 'zod';
import { execSync } from 'node:child_process';
import pino from 'pino';

const log = pino({ name: 'summarise' });

function redactEmail(text: string): string {
  return text.replace(/[\w.+-]+@[\w-]+\.[\w.]+/g, '[email]');
}

export async function summarise(customerEmail: string, transcript: string): Promise<string> {
  log.info({ chars: transcript.length }, 'summarising');
  const result = await generateText({
    model: anthropic('claude-haiku-4-5'),
    maxOutputTokens: 500,
    stopWhen: stepCountIs(3),
    system: 'Summarise the support conversation in five bullet points for the next agent.',
    prompt: `Customer: ${redactEmail(customerEmail)}\n\n${redactEmail(transcript)}`,
    tools: {
      diagnose: tool({
        description: 'Run a diagnostic command on the support host.',
        inputSchema: z.object({ command: z.string() }),
        needsApproval: true,
        execute: async ({ command }) => execSync(command, { encoding: 'utf8' }),
      }),
    },
  });
  return result.text;
}
