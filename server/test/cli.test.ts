// The real, built CLI (dist/promptward.js) run as a child process.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sarifSchemaErrors } from './helpers/sarif-schema';

const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'dist', 'promptward.js');

function promptward(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const FINDING_LINE = /^\S+:\d+:\d+ (error|warning|info) [a-z-]+ /;
const SUMMARY_LINE = /^\d+ findings? (\(.*\) )?in \d+ files?/;

describe('promptward CLI', () => {
  let tmp = '';
  before(() => {
    assert.ok(existsSync(cli), `${cli} is missing: run npm run build first`);
    tmp = mkdtempSync(path.join(tmpdir(), 'promptward-cli-'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('--help prints usage', () => {
    const run = promptward('--help');
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^Usage: promptward <command>/);
    assert.match(run.stdout, /scan \[paths\.\.\.\]/);
  });

  it('scan --help prints the scan options', () => {
    const run = promptward('scan', '--help');
    assert.equal(run.status, 0);
    assert.match(run.stdout, /--format text\|json\|sarif\|github/);
    for (const option of ['--output FILE', '--quiet', '--config FILE', '--no-config', '--report-unused-ignores', '--baseline FILE', '--write-baseline FILE', '--severity-threshold error|warning|info', '--max-warnings N']) {
      assert.ok(run.stdout.includes(option), option);
    }
    assert.match(run.stdout, /Exit codes:\n  0 .*\n  1 .*--severity-threshold.*\n(.*\n)*  2 .*bad config file/);
  });

  it('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    const run = promptward('--version');
    assert.equal(run.status, 0);
    assert.equal(run.stdout, `${version}\n`);
  });

  for (const args of [['scan', '--frobnicate'], ['scan', '--format', 'xml'], ['frobnicate'], []]) {
    it(`bad usage ${JSON.stringify(args)} exits 2 with one clear message`, () => {
      const run = promptward(...args);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /^promptward: .+\nRun 'promptward --help' for usage\.\n$/);
      assert.equal(run.stdout, '');
    });
  }

  it('a path that does not exist exits 2 and names it', () => {
    const run = promptward('scan', 'no/such/place');
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'promptward: cannot read no/such/place: no such file or directory\n');
    assert.equal(run.stdout, '');
  });

  it('scanning the demo app reports its errors and exits 1', () => {
    const run = promptward('scan', 'test-fixtures/demo-app');
    assert.equal(run.stderr, '');
    assert.equal(run.status, 1);
    const lines = run.stdout.trimEnd().split('\n');
    const findings = lines.filter((line) => line !== '' && !line.startsWith(' ') && !SUMMARY_LINE.test(line));
    assert.ok(findings.length > 0, run.stdout);
    for (const line of findings) assert.match(line, FINDING_LINE);
    assert.match(lines.at(-1) ?? '', SUMMARY_LINE);
    assert.match(run.stdout, /^ {4}(source|step|sink) {2,}\S+:\d+:\d+ {2}\S/m);
  });

  it('--format sarif --output writes a valid SARIF log and a summary on stderr', () => {
    const out = path.join(tmp, 'nested', 'out.sarif');
    const run = promptward('scan', 'test-fixtures', '--format', 'sarif', '--output', out);
    assert.equal(run.status, 1);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^promptward: \d+ findings? .*report written to .*out\.sarif\n$/);
    const log = JSON.parse(readFileSync(out, 'utf8')) as {
      runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[] }[] }[];
    };
    assert.deepEqual(sarifSchemaErrors(log), []);
    const results = log.runs[0]?.results ?? [];
    assert.ok(results.length > 0);
    for (const result of results) {
      const artifact = result.locations[0]?.physicalLocation.artifactLocation;
      assert.equal(artifact?.uriBaseId, '%SRCROOT%');
      assert.doesNotMatch(artifact?.uri ?? '', /^(file:|\/)/);
    }
  });
});
