// Small projects written into temporary folders for the session, language-server and editor tests.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { readExpectations } from './fixtures';

export const REPO_ROOT = path.resolve(__dirname, '../../../..');
export const FIXTURES = path.join(REPO_ROOT, 'test-fixtures');

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `promptward-${prefix}-`));
}

/** A copy of the demo app in a fresh temporary folder. */
export function copyDemoApp(prefix = 'demo'): string {
  const dir = path.join(tempDir(prefix), 'demo-app');
  cpSync(path.join(FIXTURES, 'demo-app'), dir, { recursive: true });
  return dir;
}

export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    const file = path.join(root, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}

/**
 * A route (summary.ts) that puts a helper's answer (audience.ts) into its system prompt. The helper returns a
 * constant; `AUDIENCE_FROM_REQUEST` makes it return request data instead.
 */
export const HELPER_PROJECT: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'helper-project', dependencies: { express: '^4.19.0', openai: '^4.50.0' } }, null, 2),
  'src/summary.ts': `import express from 'express';
import OpenAI from 'openai';
import { audienceOf } from './audience';

const app = express();
app.use(express.json());
const openai = new OpenAI();

app.post('/api/summary', async (req, res) => {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_completion_tokens: 300,
    messages: [
      { role: 'system', content: \`Summarise the text for \${audienceOf(req)}. Keep it under five sentences.\` },
      { role: 'user', content: String(req.body.text) },
    ],
  });
  res.json({ summary: completion.choices[0].message.content });
});

app.listen(3000);
`,
  'src/audience.ts': `export function audienceOf(req: { body: { audience?: string } }): string {
  return 'general readers';
}
`,
};

export const AUDIENCE_FROM_REQUEST = `export function audienceOf(req: { body: { audience?: string } }): string {
  return req.body.audience ?? 'general readers';
}
`;

/** A module whose analysis overflows the stack: one string built from `terms` concatenations. */
export function deepConcatenation(terms: number): string {
  return `import OpenAI from 'openai';

const openai = new OpenAI();

export async function ask(x: string) {
  const p = x${' +\n    "a"'.repeat(terms)};
  return openai.chat.completions.create({ model: 'gpt-4o-mini', max_completion_tokens: 5, messages: [{ role: 'system', content: p }] });
}
`;
}

/** The rule ids a demo-app file's `// expect:` annotations name, sorted (the fixtures are the source of truth). */
export function expectedRules(relInDemoApp: string): string[] {
  const exp = readExpectations(path.join(FIXTURES, 'demo-app', relInDemoApp));
  return [...exp.expect].map((k) => k.split(':')[1]).sort();
}

/** The 1-based lines of a demo-app file's expected findings of a rule. */
export function expectedLines(relInDemoApp: string, rule: string): number[] {
  const exp = readExpectations(path.join(FIXTURES, 'demo-app', relInDemoApp));
  return [...exp.expect].filter((k) => k.endsWith(`:${rule}`)).map((k) => Number(k.split(':')[0]));
}
