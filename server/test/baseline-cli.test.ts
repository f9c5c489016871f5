// Adoption in old repositories, from the real CLI bundle: stable fingerprints, baselines, and the exit-code gates.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { brief, fixtureCopy, json, promptward, removeTemps } from './helpers/cli';

const KEY = "'sk-proj-jrZi31bjRTcm7lyjbWL2hV30sll3bjR23dyUYFSm2BJ0bmcu'";

function edit(file: string, change: (lines: string[]) => void): void {
  const lines = readFileSync(file, 'utf8').split('\n');
  change(lines);
  writeFileSync(file, lines.join('\n'));
}

describe('fingerprints', () => {
  after(removeTemps);

  it('stay the same when lines are inserted above the findings', () => {
    const dir = fixtureCopy('config/baseline');
    const before = json(promptward(['scan', '--format', 'json'], { cwd: dir })).findings;
    assert.equal(before.length, 3);
    edit(path.join(dir, 'src', 'chat.ts'), (lines) => lines.splice(1, 0, '// A new header comment.', '', "import './telemetry';"));
    edit(path.join(dir, 'src', 'keys.ts'), (lines) => lines.splice(1, 0, '  // a comment and a statement above the key', '  const started = Date.now();'));
    const after = json(promptward(['scan', '--format', 'json'], { cwd: dir })).findings;
    assert.deepEqual(
      after.map((f) => [f.ruleId, f.fingerprint, f.location.startLine]),
      before.map((f) => [f.ruleId, f.fingerprint, f.location.startLine + (f.location.path === 'src/chat.ts' ? 3 : 2)]),
    );
  });
});

describe('baselines', () => {
  after(removeTemps);

  it('write one, scan with it: nothing new; add a vulnerable line: exactly one new', () => {
    const dir = fixtureCopy('config/baseline');
    const write = promptward(['scan', '--write-baseline', '.promptward-baseline.json'], { cwd: dir });
    assert.equal(write.status, 1, '--write-baseline does not change the exit code');
    assert.match(write.stderr, /^promptward: baseline of 3 findings written to \.promptward-baseline\.json\n$/);
    const baseline = JSON.parse(readFileSync(path.join(dir, '.promptward-baseline.json'), 'utf8')) as { version: number; tool: { name: string }; findings: { fingerprint: string; ruleId: string; path: string }[] };
    assert.equal(baseline.version, 1);
    assert.equal(baseline.tool.name, 'Promptward');
    assert.deepEqual(baseline.findings.map((f) => `${f.path} ${f.ruleId}`), ['src/chat.ts missing-max-tokens', 'src/chat.ts prompt-injection', 'src/keys.ts hardcoded-llm-key']);

    const clean = promptward(['scan', '--baseline', '.promptward-baseline.json', '--format', 'json'], { cwd: dir });
    assert.equal(clean.status, 0);
    assert.deepEqual(json(clean).findings, []);
    assert.equal(json(clean).stats.baselined, 3);
    assert.match(promptward(['scan', '--baseline', '.promptward-baseline.json'], { cwd: dir }).stdout, /^0 findings in 3 files, 3 in baseline\n$/);

    edit(path.join(dir, 'src', 'keys.ts'), (lines) => lines.splice(4, 0, `  keys.push(${KEY}.replace('proj', 'svcacct'));`));
    const one = promptward(['scan', '--baseline', '.promptward-baseline.json', '--format', 'json'], { cwd: dir });
    assert.equal(one.status, 1);
    assert.deepEqual(brief(json(one)), ['src/keys.ts:5 hardcoded-llm-key']);

    const sarif = JSON.parse(promptward(['scan', '--baseline', '.promptward-baseline.json', '--format', 'sarif'], { cwd: dir }).stdout) as { runs: { results: { baselineState?: string }[] }[] };
    assert.deepEqual(sarif.runs[0]!.results.map((r) => r.baselineState), ['new']);
  });

  it('counts equal fingerprints: a copy of an accepted line is one new finding', () => {
    const dir = fixtureCopy('config/baseline');
    promptward(['scan', '--write-baseline', 'baseline.json'], { cwd: dir });
    edit(path.join(dir, 'src', 'keys.ts'), (lines) => lines.splice(4, 0, lines[3]!));
    const report = json(promptward(['scan', '--format', 'json'], { cwd: dir }));
    const keys = report.findings.filter((f) => f.ruleId === 'hardcoded-llm-key');
    assert.equal(keys.length, 2);
    assert.equal(keys[0]!.fingerprint, keys[1]!.fingerprint, 'identical lines in one function share a fingerprint');
    const run = promptward(['scan', '--baseline', 'baseline.json', '--format', 'json'], { cwd: dir });
    assert.deepEqual(brief(json(run)), ['src/keys.ts:5 hardcoded-llm-key']);
    assert.equal(json(run).stats.baselined, 3);
  });

  it('a bad baseline exits 2 with file:line:col; a missing one names the file', () => {
    const dir = fixtureCopy('config/baseline');
    writeFileSync(path.join(dir, 'bad.json'), '{\n  "version": 1,\n  "findings": [{ "fingerprint": 42 }]\n}\n');
    const bad = promptward(['scan', '--baseline', 'bad.json'], { cwd: dir });
    assert.equal(bad.status, 2);
    assert.equal(bad.stderr, 'promptward: bad.json:3:33: findings[0].fingerprint must be a string; got number 42\n');
    writeFileSync(path.join(dir, 'broken.json'), '{ "version": 1, "findings": [\n');
    assert.match(promptward(['scan', '--baseline', 'broken.json'], { cwd: dir }).stderr, /^promptward: broken\.json:2:1: malformed JSON: /);
    const missing = promptward(['scan', '--baseline', 'nope.json'], { cwd: dir });
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr, 'promptward: cannot read baseline nope.json: no such file or directory\n');
  });
});

describe('exit-code gates', () => {
  after(removeTemps);

  // rule-levels/: one warning; suppressions/: five warnings (its errors are suppressed); baseline/: errors and a warning.
  const status = (fixture: string, ...args: string[]) => promptward(['scan', `test-fixtures/config/${fixture}`, ...args]).status;

  it('--severity-threshold sets the lowest severity that fails', () => {
    assert.equal(status('rule-levels'), 0);
    assert.equal(status('rule-levels', '--severity-threshold', 'warning'), 1);
    assert.equal(status('rule-levels', '--severity-threshold', 'info'), 1);
    assert.equal(status('baseline', '--severity-threshold', 'error'), 1);
  });

  it('--max-warnings N fails on more than N warnings', () => {
    assert.equal(status('suppressions', '--max-warnings', '5'), 0);
    assert.equal(status('suppressions', '--max-warnings', '4'), 1);
    assert.equal(status('rule-levels', '--max-warnings', '0'), 1);
  });

  it('--quiet reports only errors, and only they count', () => {
    const quiet = promptward(['scan', 'test-fixtures/config/baseline', '--quiet', '--format', 'json']);
    assert.equal(quiet.status, 1);
    assert.deepEqual(json(quiet).findings.map((f) => f.severity), ['error', 'error']);
    assert.equal(status('rule-levels', '--quiet', '--max-warnings', '0', '--severity-threshold', 'warning'), 0);
    assert.doesNotMatch(promptward(['scan', 'test-fixtures/config/rule-levels', '--quiet']).stdout, /warning/);
  });

  it('suppressed findings do not fail the scan', () => {
    const dir = fixtureCopy('config/baseline');
    edit(path.join(dir, 'src', 'keys.ts'), (lines) => lines.splice(2, 1, '  // promptward-ignore-next-line hardcoded-llm-key -- a revoked key used by the mock server'));
    edit(path.join(dir, 'src', 'chat.ts'), (lines) => lines.splice(15, 1, '      // promptward-ignore-next-line prompt-injection -- persona is checked against an allowlist upstream'));
    assert.equal(promptward(['scan'], { cwd: dir }).status, 0);
    assert.equal(json(promptward(['scan', '--format', 'json'], { cwd: dir })).stats.suppressed, 2);
    assert.equal(promptward(['scan', '--max-warnings', '0'], { cwd: dir }).status, 1, 'the missing token cap is still a warning');
  });
});
