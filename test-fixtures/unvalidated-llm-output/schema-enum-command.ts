// Model output is parsed with a zod enum and mapped through a constant table before execFile runs anything.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { z } from 'zod';
import OpenAI from 'openai';

const execFileAsync = promisify(execFile);
const openai = new OpenAI();

const Decision = z.object({ action: z.enum(['restart', 'status', 'logs']), reason: z.string() });
const DOCKER_ARGS = {
  restart: ['restart', 'web'],
  status: ['ps', '--filter', 'name=web'],
  logs: ['logs', '--tail', '100', 'web'],
} as const;

export async function triage(alertText: string) {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_completion_tokens: 200,
    response_format: { type: 'json_object' },
    messages: [
      { role: 'system', content: 'Pick one action for the alert: restart, status or logs. Reply as JSON {"action","reason"}.' },
      { role: 'user', content: alertText },
    ],
  });
  const decision = Decision.parse(JSON.parse(completion.choices[0].message.content ?? '{}'));
  const args = DOCKER_ARGS[decision.action];
  // ok: unvalidated-llm-output
  const { stdout } = await execFileAsync('docker', [...args]);
  return { reason: decision.reason, stdout };
}
