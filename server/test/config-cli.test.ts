// The config file, end to end: the real CLI bundle run on fixture folders (test-fixtures/config/).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { readExpectations } from './helpers/fixtures';
import { brief, CONFIG_FIXTURES, fixtureCopy, json, promptward, removeTemps } from './helpers/cli';
import type { JsonReport } from '../src/cli/format-json';

const fixture = (name: string) => path.join('test-fixtures', 'config', name);

/** The `// expect:` annotations of a fixture folder, as `path:line rule`, relative to the folder. */
function expected(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.[cm]?[jt]sx?$/.test(entry.name)) {
        for (const key of readExpectations(full).expect) {
          const [line, rule] = key.split(':');
          out.push(`${path.relative(folder, full).split(path.sep).join('/')}:${line} ${rule}`);
        }
      }
    }
  };
  walk(folder);
  return out.sort();
}

const found = (report: JsonReport) => brief(report).sort();

describe('config file: custom knowledge changes the findings', () => {
  it('a custom sink and a custom sanitizer (custom-sink/)', () => {
    const run = promptward(['scan', fixture('custom-sink'), '--format', 'json']);
    assert.equal(run.stderr, '');
    assert.equal(run.status, 1);
    const report = json(run);
    assert.deepEqual(found(report), expected(path.join(CONFIG_FIXTURES, 'custom-sink')));
    assert.match(report.findings[0]!.message, /reaches HTML rendering \(renderTrusted\)/);
    // Without the config the package's function is nobody's sink: nothing is found.
    const plain = promptward(['scan', fixture('custom-sink'), '--format', 'json', '--no-config']);
    assert.equal(plain.status, 0);
    assert.deepEqual(found(json(plain)), []);
  });

  it('the sanitizer is what keeps the second call clean', () => {
    const dir = fixtureCopy('config/custom-sink');
    writeFileSync(path.join(dir, '.promptward.yaml'), 'sinks:\n  - { kind: html, module: ["@acme/templating"], function: [renderTrusted], arg: 0 }\n');
    assert.deepEqual(found(json(promptward(['scan', '--format', 'json'], { cwd: dir }))), ['src/summary.ts:15 unvalidated-llm-output', 'src/summary.ts:17 unvalidated-llm-output']);
  });

  it('a custom source and custom auth and rate-limit guards (custom-source-guard/)', () => {
    const report = json(promptward(['scan', fixture('custom-source-guard'), '--format', 'json']));
    assert.deepEqual(found(report), expected(path.join(CONFIG_FIXTURES, 'custom-source-guard')));
    assert.match(report.findings[0]!.message, /\(helpdesk ticket\)/);
    const plain = json(promptward(['scan', fixture('custom-source-guard'), '--format', 'json', '--no-config']));
    assert.deepEqual(found(plain), ['src/server.ts:11 missing-rate-limit', 'src/server.ts:11 unauthenticated-llm-endpoint']);
  });
});

describe('config file: rules and files', () => {
  after(removeTemps);

  it('sets rule severities and turns rules off (rule-levels/)', () => {
    const run = promptward(['scan', fixture('rule-levels'), '--format', 'json']);
    assert.equal(run.status, 0, 'the key is only a warning now');
    const report = json(run);
    assert.deepEqual(report.findings.map((f) => `${f.location.path}:${f.location.startLine} ${f.ruleId} ${f.severity}`), ['src/client.ts:4 hardcoded-llm-key warning']);
    const rule = (id: string) => report.rules.find((r) => r.id === id)!;
    assert.deepEqual([rule('hardcoded-llm-key').severity, rule('hardcoded-llm-key').defaultSeverity], ['warning', 'error']);
    assert.equal(rule('missing-max-tokens').severity, 'off');
  });

  it('include and exclude globs pick the files (include-exclude/), also when a subfolder is scanned', () => {
    const run = promptward(['scan', fixture('include-exclude'), '--format', 'json']);
    assert.deepEqual(found(json(run)), ['scripts/deploy.ts:2 hardcoded-llm-key', 'src/app.ts:2 hardcoded-llm-key']);
    assert.equal(json(run).stats.filesScanned, 2);
    // The config is found above the scanned folder, and its globs stay relative to its own folder.
    assert.deepEqual(found(json(promptward(['scan', fixture('include-exclude/src'), '--format', 'json']))), ['app.ts:2 hardcoded-llm-key']);
    assert.equal(json(promptward(['scan', fixture('include-exclude'), '--format', 'json', '--no-config'])).stats.filesScanned, 7);
  });

  it('reads the "promptward" key of package.json (package-json/)', () => {
    const report = json(promptward(['scan', fixture('package-json'), '--format', 'json']));
    assert.deepEqual(report.findings.map((f) => `${f.location.path}:${f.location.startLine} ${f.ruleId} ${f.severity}`), ['src/ask.ts:7 missing-max-tokens info']);
  });

  it('--config FILE overrides the config found', () => {
    const run = promptward(['scan', fixture('rule-levels'), '--format', 'json', '--config', fixture('package-json/package.json')]);
    assert.deepEqual(json(run).findings.map((f) => `${f.ruleId} ${f.severity}`), ['hardcoded-llm-key error', 'missing-max-tokens info']);
  });

  it('a missing --config file exits 2', () => {
    const run = promptward(['scan', fixture('rule-levels'), '--config', 'no/such.yaml']);
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'promptward: cannot read config no/such.yaml: no such file\n');
  });
});

describe('config file: every mistake exits 2 with file:line:col', () => {
  const cases: [string, string, RegExp][] = [
    ['malformed-yaml', '.promptward.yaml:5:1', /malformed YAML: /],
    ['unknown-key', '.promptward.yaml:4:1', /unknown key "exlude"/],
    ['wrong-type', '.promptward.yaml:2:10', /include must be a list; got the string "src\/\*\*"/],
    ['unknown-rule', '.promptward.yaml:4:3', /unknown rule id "prompt-injektion"/],
    ['bad-level', '.promptward.yaml:3:23', /rules\.missing-rate-limit must be one of "off", "info", "warning", "error"/],
    ['bad-glob', '.promptward.yaml:4:10', /bad glob "src\/\[abc\/\*\.ts" in exclude: unclosed '\['/],
    ['yaml-tag', '.promptward.yaml:4:15', /YAML tags are not supported/],
    ['sink-without-module', '.promptward.yaml:3:5', /sinks\[0\] names a function but no module/],
    ['package-json', 'package.json:6:5', /unknown key "excludes" in "promptward"/],
  ];
  for (const [name, where, message] of cases) {
    it(`bad/${name}`, () => {
      const run = promptward(['scan', fixture(`bad/${name}`)]);
      assert.equal(run.status, 2);
      assert.equal(run.stdout, '');
      const line = `promptward: test-fixtures/config/bad/${name}/${where}: `;
      assert.ok(run.stderr.startsWith(line), `${run.stderr} starts with ${line}`);
      assert.match(run.stderr, message);
      assert.equal(run.stderr.split('\n').length, 2, 'one line, no stack trace');
      assert.doesNotMatch(run.stderr, /\n\s+at /);
    });
  }

  it('--config naming a bad file reports it the same way', () => {
    const run = promptward(['scan', fixture('custom-sink'), '--config', fixture('bad/unknown-rule/.promptward.yaml')]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^promptward: test-fixtures\/config\/bad\/unknown-rule\/\.promptward\.yaml:4:3: unknown rule id/);
  });
});

describe('config file: nothing in it runs', () => {
  after(removeTemps);

  const markers = (dir: string) => readdirSync(dir).filter((f) => f.startsWith('EXECUTED'));

  it('the probe works: running the scripts writes their markers', () => {
    const dir = fixtureCopy('config/no-exec');
    for (const script of ['payload.js', '.promptward.js', '.promptward.cjs', 'promptward.config.js']) {
      assert.equal(spawnSync(process.execPath, [script], { cwd: dir }).status, 0);
    }
    assert.deepEqual(markers(dir).sort(), ['EXECUTED-.promptward.cjs', 'EXECUTED-.promptward.js', 'EXECUTED-payload', 'EXECUTED-promptward.config.js']);
  });

  it('a config naming scripts, scripts named like configs, and code importing them: no marker is written', () => {
    const dir = fixtureCopy('config/no-exec');
    assert.ok(existsSync(path.join(dir, '.promptward.js')) && existsSync(path.join(dir, 'promptward.config.js')));
    const run = promptward(['scan', '--format', 'json'], { cwd: dir });
    assert.equal(run.stderr, '');
    assert.equal(run.status, 0);
    assert.ok(json(run).stats.filesScanned >= 4, 'the scripts were read as code');
    assert.deepEqual(markers(dir), []);
  });

  it('--config pointing at a script reads it as (bad) data and does not run it', () => {
    const dir = fixtureCopy('config/no-exec');
    for (const script of ['payload.js', '.promptward.js', '.promptward.cjs']) {
      const run = promptward(['scan', '--config', script], { cwd: dir });
      assert.equal(run.status, 2, run.stderr);
      assert.match(run.stderr, new RegExp(`^promptward: ${script.replace('.', '\\.')}:\\d+:\\d+: `));
    }
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'x', promptward: { $schema: './payload.js', sinks: [{ kind: 'code', module: ['./payload.js'], function: ['default'] }] } }));
    const run = promptward(['scan', '--config', 'package.json'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(markers(dir), []);
  });
});
