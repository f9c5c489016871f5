// Command-line parsing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseArgs, UsageError } from '../src/cli/args';

describe('parseArgs', () => {
  it('reads scan paths and options', () => {
    assert.deepEqual(parseArgs(['scan', 'a', '--format', 'sarif', 'b', '--output=out/r.sarif', '--no-color']), {
      kind: 'scan',
      paths: ['a', 'b'],
      format: 'sarif',
      output: 'out/r.sarif',
      color: false,
    });
  });

  it('scans the current folder by default, as text, in colour where possible', () => {
    assert.deepEqual(parseArgs(['scan']), { kind: 'scan', paths: ['.'], format: 'text', output: undefined, color: true });
  });

  it('takes everything after -- as a path', () => {
    assert.deepEqual(parseArgs(['scan', '--', '--weird-name']), {
      kind: 'scan', paths: ['--weird-name'], format: 'text', output: undefined, color: true,
    });
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
    [['scan', '--format', 'json'], /unknown format 'json' \(expected text or sarif\)/],
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
