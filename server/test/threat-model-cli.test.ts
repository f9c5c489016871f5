// `promptward threat-model` run as a process: the three formats, --output, the workspace's suppression
// comments, usage errors, and the time it takes on the demo app (target: under 5 s per format).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fixtureCopy, promptward, removeTemps, tempRepo } from './helpers/cli';
import type { ThreatModel } from '../src/core/threat-model';

after(removeTemps);

const DEMO = path.join('test-fixtures', 'demo-app');

test('threat-model writes each format of the demo app in under 5 s', (t) => {
  const out = tempRepo();
  const expectStart: Record<string, RegExp> = { json: /^\{\n  "schemaVersion": 1,/, markdown: /^# Threat model: demo-app\n/, html: /^<!doctype html>\n<html lang="en">/ };
  for (const format of ['json', 'markdown', 'html']) {
    const file = path.join(out, 'reports', `threat-model.${format}`);
    const started = process.hrtime.bigint();
    const run = promptward(['threat-model', DEMO, '--format', format, '--output', file]);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    t.diagnostic(`${format}: ${seconds.toFixed(2)} s`);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, `promptward: threat model of demo-app: 9 LLM call sites, 8 entry points, 18 threats; checklist 0 met, 1 partly met, 5 not met, 0 unknown; written to ${file}\n`);
    assert.ok(existsSync(file));
    assert.match(readFileSync(file, 'utf8'), expectStart[format]!);
    assert.ok(seconds < 5, `${format} took ${seconds.toFixed(2)} s`);
  }
});

test('threat-model prints Markdown by default, with links relative to the working folder', () => {
  const run = promptward(['threat-model', DEMO]);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^```mermaid\nflowchart LR$/m);
  assert.match(run.stdout, /\[`server\/index.ts:37`\]\(test-fixtures\/demo-app\/server\/index.ts#L37\)/);
});

test('threat-model --format json is the model; suppression comments mark threats suppressed with their reason', () => {
  const dir = fixtureCopy('threat-model/observability');
  const run = promptward(['threat-model', '--format', 'json'], { cwd: dir });
  assert.equal(run.status, 0, run.stderr);
  const model = JSON.parse(run.stdout) as ThreatModel;
  assert.equal(model.schemaVersion, 1);
  assert.deepEqual(
    model.threats.map((c) => `${c.owasp2025} ${c.count} open ${c.open} suppressed ${c.suppressed}`),
    ['LLM02:2025 1 open 0 suppressed 1', 'LLM07:2025 1 open 0 suppressed 1'],
  );
  assert.deepEqual(model.threats[0]!.threats[0]!.mitigation, { status: 'suppressed', justification: "the customer's own address, to greet them; covered by the provider DPA" });
  assert.deepEqual(model.checklist.map((c) => `${c.step} ${c.status}`), ['1 met', '2 unknown', '3 not-met', '4 met', '5 met', '6 partly-met']);
});

test('threat-model usage errors exit 2 with one line; --help exits 0', () => {
  const bad = promptward(['threat-model', DEMO, '--format', 'pdf']);
  assert.equal(bad.status, 2);
  assert.equal(bad.stderr, "promptward: unknown format 'pdf' for --format (expected json, markdown or html)\nRun 'promptward --help' for usage.\n");
  const unknown = promptward(['threat-model', '--fix']);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /^promptward: unknown option '--fix' for 'threat-model'\n/);
  const missing = promptward(['threat-model', 'no/such/folder']);
  assert.equal(missing.status, 2);
  assert.equal(missing.stderr, 'promptward: cannot read no/such/folder: no such file or directory\n');
  const help = promptward(['threat-model', '--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^Usage: promptward threat-model \[paths\.\.\.\] \[options\]/);
  assert.match(promptward(['--help']).stdout, /^ {2}threat-model \[paths\.\.\.\]$/m);
});
