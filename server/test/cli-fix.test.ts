// `promptward scan --fix` on a copy of the demo app: the safe fixes are written, a second scan finds none of the
// fixed findings, suppressed findings are left alone, and the files still parse.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { collectFiles } from '../src/core/files';
import { fixesFor, parseText, syntaxErrorCount } from '../src/core/quickfixes';
import { analyseFiles } from '../src/core/scan';
import { REPO_ROOT, copyDemoApp } from './helpers/projects';

const CLI = path.join(REPO_ROOT, 'dist', 'promptward.js');

function scan(root: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [CLI, 'scan', '.', '--no-color', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (run.error) throw run.error;
  const findings = run.stdout.split('\n').map((l) => /^(\S+):(\d+):\d+ \w+ ([a-z-]+) /.exec(l)).filter((m) => m !== null).map((m) => `${m[1]} ${m[3]}`);
  return { ...run, findings };
}

/** The findings (as "file rule") that have a safe fix, by the core, in process. */
function withSafeFix(root: string): string[] {
  const { findings } = analyseFiles(root, collectFiles([root], root).files);
  return findings
    .filter((f) => fixesFor(f, readFileSync(f.location.file, 'utf8')).some((x) => x.safe))
    .map((f) => `${path.relative(root, f.location.file).split(path.sep).join('/')} ${f.ruleId}`);
}

describe('promptward scan --fix', () => {
  const temps: string[] = [];
  after(() => {
    for (const t of temps) rmSync(t, { recursive: true, force: true });
  });

  it('applies the safe fixes to a copy of the demo app; a second scan finds none of the fixed findings', () => {
    const root = copyDemoApp('cli-fix');
    temps.push(path.dirname(root));
    const before = scan(root);
    const expectedFixed = withSafeFix(root);
    assert.ok(expectedFixed.length >= 3, `the demo app has safe fixes (${expectedFixed.join(', ')})`);
    for (const f of ['server/lib/clients.ts hardcoded-llm-key', 'server/services/llm.ts missing-max-tokens']) assert.ok(expectedFixed.includes(f), f);
    for (const f of expectedFixed) assert.ok(before.findings.includes(f), f);
    const fixed = scan(root, '--fix');
    const files = new Set(expectedFixed.map((f) => f.split(' ')[0]));
    assert.match(fixed.stderr, new RegExp(`promptward: fixed ${expectedFixed.length} findings in ${files.size} files`));
    assert.deepEqual(fixed.findings, before.findings.filter((f) => !expectedFixed.includes(f)), 'the report after --fix shows what is left');
    const again = scan(root);
    assert.deepEqual(again.findings, fixed.findings);
    for (const f of files) {
      const file = path.join(root, f);
      assert.equal(syntaxErrorCount(parseText(file, readFileSync(file, 'utf8'))), 0, `${f} parses`);
    }
    assert.match(readFileSync(path.join(root, 'server/lib/clients.ts'), 'utf8'), /apiKey: process\.env\.ANTHROPIC_API_KEY/);
    assert.match(scan(root, '--fix').stderr, /fixed 0 findings in 0 files/);
  });

  it('leaves suppressed findings alone', () => {
    const root = copyDemoApp('cli-fix-ignore');
    temps.push(path.dirname(root));
    const llm = path.join(root, 'server/services/llm.ts');
    const text = readFileSync(llm, 'utf8');
    writeFileSync(llm, text.replace('  // expect: missing-max-tokens\n', '  // promptward-ignore-next-line missing-max-tokens -- the gateway caps output tokens\n'));
    // The core still reports it (suppressions apply after the analysis); --fix must skip it.
    const expected = withSafeFix(root).filter((f) => f !== 'server/services/llm.ts missing-max-tokens');
    const run = scan(root, '--fix');
    assert.match(run.stderr, new RegExp(`fixed ${expected.length} findings`));
    assert.ok(!readFileSync(llm, 'utf8').includes('max_completion_tokens: 1024'));
  });
});
