// Command-line parsing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseArgs, UsageError } from '../src/cli/args';

describe('parseArgs', () => {
  const defaults = { kind: 'scan', format: 'text', color: true, severityThreshold: 'error', quiet: false, reportUnusedIgnores: false } as const;

  it('reads scan paths and options', () => {
    assert.deepEqual(parseArgs(['scan', 'a', '--format', 'sarif', 'b', '--output=out/r.sarif', '--no-color']), {
      ...defaults,
      paths: ['a', 'b'],
      format: 'sarif',
      output: 'out/r.sarif',
      color: false,
    });
  });

  it('reads the config, baseline and gate options', () => {
    assert.deepEqual(
      parseArgs(['scan', '--config', 'ci/pw.yaml', '--baseline=b.json', '--write-baseline', 'new.json', '--max-warnings', '0', '--severity-threshold', 'warning', '--quiet', '--report-unused-ignores', '--format=github']),
      { ...defaults, paths: ['.'], format: 'github', config: 'ci/pw.yaml', baseline: 'b.json', writeBaseline: 'new.json', maxWarnings: 0, severityThreshold: 'warning', quiet: true, reportUnusedIgnores: true },
    );
    assert.deepEqual(parseArgs(['scan', '--no-config', '--format', 'json']), { ...defaults, paths: ['.'], format: 'json', config: false });
  });

  it('scans the current folder by default, as text, in colour where possible', () => {
    assert.deepEqual(parseArgs(['scan']), { ...defaults, paths: ['.'] });
  });

  it('takes everything after -- as a path', () => {
    assert.deepEqual(parseArgs(['scan', '--', '--weird-name']), { ...defaults, paths: ['--weird-name'] });
  });

  it('answers help and version', () => {
    assert.deepEqual(parseArgs(['--help']), { kind: 'help', topic: 'main' });
    assert.deepEqual(parseArgs(['-h']), { kind: 'help', topic: 'main' });
    assert.deepEqual(parseArgs(['scan', '--help']), { kind: 'help', topic: 'scan' });
    assert.deepEqual(parseArgs(['--version']), { kind: 'version' });
  });

  const bad: Array<[string[], RegExp]> = [
    [[], /missing command/],
    [['lint'], /unknown command 'lint'/],
    [['--frob'], /unknown option '--frob'/],
    [['scan', '--frob'], /unknown option '--frob' for 'scan'/],
    [['scan', '--format', 'xml'], /unknown format 'xml' for --format \(expected text, json, sarif or github\)/],
    [['scan', '--severity-threshold', 'fatal'], /unknown value 'fatal' for --severity-threshold \(expected info, warning or error\)/],
    [['scan', '--max-warnings', '-1'], /option --max-warnings needs a whole number ≥ 0, not '-1'/],
    [['scan', '--max-warnings', 'ten'], /option --max-warnings needs a whole number ≥ 0, not 'ten'/],
    [['scan', '--baseline'], /option --baseline needs a value/],
    [['scan', '--config='], /option --config needs a value/],
    [['scan', '--quiet=yes'], /option --quiet takes no value/],
    [['scan', '--format'], /option --format needs a value/],
    [['scan', '--output'], /option --output needs a value/],
    [['scan', '--no-color=1'], /option --no-color takes no value/],
  ];
  for (const [argv, message] of bad) {
    it(`rejects ${JSON.stringify(argv)}`, () => {
      assert.throws(() => parseArgs(argv), (err: unknown) => err instanceof UsageError && message.test(err.message));
    });
  }
});
