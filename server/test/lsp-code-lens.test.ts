// The optional code lens (promptward.codeLens, off by default) of the real server over stdio: above each LLM call,
// what reaches its prompt and in which role; nothing when the setting is off.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { LspClient } from './helpers/lsp-client';
import { REPO_ROOT } from './helpers/projects';

const SERVER = path.join(REPO_ROOT, 'dist', 'server.js');
const DEMO = path.join(REPO_ROOT, 'test-fixtures', 'demo-app');

interface Lens {
  range: { start: { line: number } };
  command?: { title: string };
}

async function lensesOf(rel: string, settings: Record<string, unknown> | undefined): Promise<Lens[]> {
  const client = new LspClient(process.execPath, [SERVER, '--stdio']);
  try {
    await client.initialize(DEMO, { textDocument: { publishDiagnostics: {}, codeLens: {} } }, { workspaceDiagnostics: false, ...(settings ? { settings } : {}) });
    const file = path.join(DEMO, rel);
    const uri = client.open(file, readFileSync(file, 'utf8'), 1);
    await client.waitFor(() => client.diagnostics.get(uri), `diagnostics of ${rel}`);
    return await client.request<Lens[]>('textDocument/codeLens', { textDocument: { uri } });
  } finally {
    await client.stop();
  }
}

test('with promptward.codeLens, each LLM call says what reaches its prompt', async () => {
  const lenses = await lensesOf('server/routes/tickets.ts', { codeLens: true });
  const titles = lenses.map((l) => `${l.range.start.line + 1}: ${l.command?.title}`);
  assert.ok(lenses.length >= 3, titles.join('\n'));
  const at = (line: number) => titles.find((t) => t.startsWith(`${line}: `)) ?? '';
  assert.equal(at(56), '56: Promptward: OpenAI gpt-4.1-nano — untrusted req.body (HTTP request body) → user content');
  assert.equal(at(110), '110: Promptward: Anthropic claude-sonnet-4-5 — ticket.email (personal data: email) → user content; ticket.phone (personal data: phone) → user content');
  assert.equal(at(142), '142: Promptward: OpenAI gpt-4.1-mini — no untrusted or sensitive input reaches the prompt');
  assert.ok(titles.every((t) => /^\d+: Promptward: /.test(t)), titles.join('\n'));
});

test('a helper\'s call shows what its callers pass in: request data reaching the system prompt', async () => {
  const lenses = await lensesOf('server/services/llm.ts', { codeLens: true });
  assert.deepEqual(lenses.map((l) => `${l.range.start.line + 1}: ${l.command?.title}`), [
    '20: Promptward: OpenAI gpt-4.1-mini — untrusted req.body (HTTP request body) → instructions; untrusted req.body (HTTP request body) → user content',
  ]);
});

test('code lenses are off by default', async () => {
  assert.deepEqual(await lensesOf('server/routes/tickets.ts', undefined), []);
});
