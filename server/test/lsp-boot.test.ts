// dist/server-boot.js: the language server run through V8's code cache. The first start writes the cache, the
// next ones use it, and a cache that does not match (corrupt, another build) is ignored and replaced — the
// server's answers are the same every time.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { LspClient } from './helpers/lsp-client';
import { REPO_ROOT } from './helpers/projects';

const BOOT = path.join(REPO_ROOT, 'dist', 'server-boot.js');
const DEMO = path.join(REPO_ROOT, 'test-fixtures', 'demo-app');
const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'promptward-v8-'));
after(() => rmSync(cacheDir, { recursive: true, force: true }));

async function diagnosticsOnce(): Promise<string[]> {
  const client = new LspClient(process.execPath, [BOOT, '--stdio'], { env: { ...process.env, PROMPTWARD_CODE_CACHE_DIR: cacheDir } });
  try {
    await client.initialize(DEMO, { textDocument: { publishDiagnostics: { relatedInformation: true } } }, { workspaceDiagnostics: false });
    const file = path.join(DEMO, 'server', 'routes', 'tickets.ts');
    const uri = client.open(file, readFileSync(file, 'utf8'), 1);
    const published = await client.waitFor(() => client.diagnostics.get(uri), 'diagnostics of tickets.ts');
    return published.diagnostics.map((d) => `${d.code}@${d.range.start.line + 1}`).sort();
  } finally {
    await client.stop();
  }
}

const caches = () => readdirSync(cacheDir).filter((f) => f.endsWith('.v8cache'));

test('the code cache is written on the first start, used on the next, and replaced when it does not fit', async () => {
  const first = await diagnosticsOnce();
  assert.deepEqual(first, ['prompt-injection@64', 'secret-in-prompt@120', 'unauthenticated-llm-endpoint@54', 'unvalidated-llm-output@98']);
  assert.equal(caches().length, 1, 'one cache file after the first start');
  const cache = path.join(cacheDir, caches()[0]!);
  const written = readFileSync(cache);
  assert.ok(written.length > 100_000, `a real cache (${written.length} bytes)`);

  assert.deepEqual(await diagnosticsOnce(), first, 'same answers with the cache');
  assert.deepEqual(readFileSync(cache), written, 'an accepted cache is left as it is');

  writeFileSync(cache, Buffer.from('not a V8 code cache'));
  assert.deepEqual(await diagnosticsOnce(), first, 'same answers with a corrupt cache');
  assert.ok(readFileSync(cache).length > 100_000, 'the corrupt cache was replaced');
  assert.equal(caches().length, 1);
});
