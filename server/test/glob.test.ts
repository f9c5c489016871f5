// Include/exclude globs: syntax errors with their offset, and matching (gitignore-like), without regular expressions.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GlobError, globMatches, parseGlob } from '../src/config/glob';

const matches = (pattern: string, file: string) => globMatches(parseGlob(pattern), file);

describe('glob matching', () => {
  const cases: [string, string, boolean][] = [
    // a name without a slash matches at any depth
    ['*.test.ts', 'a.test.ts', true],
    ['*.test.ts', 'src/deep/a.test.ts', true],
    ['*.test.ts', 'src/a.ts', false],
    ['fixtures', 'test/fixtures/a.ts', true],
    ['fixtures', 'test/fixtures-old/a.ts', false],
    // a slash anchors the pattern to the base folder
    ['src/*.ts', 'src/a.ts', true],
    ['src/*.ts', 'src/sub/a.ts', false],
    ['src/*.ts', 'lib/src/a.ts', false],
    ['/app.ts', 'app.ts', true],
    ['/app.ts', 'src/app.ts', false],
    ['./src/a.ts', 'src/a.ts', true],
    // ** is any number of folders, including none
    ['src/**', 'src/a.ts', true],
    ['src/**', 'src/x/y/z.ts', true],
    ['src/**/*.ts', 'src/a.ts', true],
    ['src/**/*.ts', 'src/x/y/a.ts', true],
    ['src/**/*.ts', 'src/x/y/a.js', false],
    ['**/gen/**', 'a/b/gen/c/d.ts', true],
    ['**/gen/**', 'gen/d.ts', true],
    ['**/gen/**', 'generated/d.ts', false],
    // a pattern matching a folder matches what is inside; a trailing slash matches folders only
    ['src/legacy', 'src/legacy/old.ts', true],
    ['build/', 'build/out.js', true],
    ['build/', 'build', false],
    ['out.js/', 'out.js', false],
    ['src/generated-*/', 'src/generated-client/x.ts', true],
    // ? and classes never match a slash
    ['a?.ts', 'ab.ts', true],
    ['a?.ts', 'a/b.ts', false],
    ['v[0-9].ts', 'v7.ts', true],
    ['v[0-9].ts', 'vx.ts', false],
    ['v[!0-9].ts', 'vx.ts', true],
    ['v[^0-9].ts', 'v1.ts', false],
    ['[]]x', ']x', true],
    // braces, nested
    ['src/*.{ts,tsx}', 'src/a.tsx', true],
    ['src/*.{ts,tsx}', 'src/a.js', false],
    ['{src,lib}/**/*.{ts,m{j,t}s}', 'lib/x/y.mjs', true],
    ['{src,lib}/**/*.{ts,m{j,t}s}', 'test/x/y.mjs', false],
    // dotfiles are names like any other; case matters
    ['*.ts', '.eslintrc.ts', true],
    ['*.TS', 'a.ts', false],
    // paths outside the base folder never match
    ['**', '../elsewhere/a.ts', false],
    ['*', '', false],
    // star backtracking within a segment
    ['*a*b*c', 'xxaxxbxxbxxc', true],
    ['*a*b*c', 'xxaxxbxxbxxcx', false],
    ['a*', 'a', true],
    ['*', 'anything.ts', true],
  ];
  for (const [pattern, file, expected] of cases) {
    it(`${JSON.stringify(pattern)} ${expected ? 'matches' : 'does not match'} ${JSON.stringify(file)}`, () => {
      assert.equal(matches(pattern, file), expected);
    });
  }

  it('stays fast on patterns that make backtracking regular expressions explode', () => {
    const pattern = `${'*a'.repeat(40)}*b`;
    const file = 'a'.repeat(200);
    const started = process.hrtime.bigint();
    assert.equal(matches(pattern, file), false);
    assert.equal(matches(`${'**/'.repeat(30)}x`, `${'d/'.repeat(60)}y`), false);
    assert.ok(Number(process.hrtime.bigint() - started) / 1e6 < 500, 'matching took under half a second');
  });
});

describe('glob syntax errors', () => {
  const bad: [string, number, RegExp][] = [
    ['', 0, /cannot be empty/],
    ['!src/**', 0, /negated globs/],
    ['src\\a.ts', 3, /use \/ to separate folders/],
    ['src/[abc/*.ts', 4, /unclosed '\['/],
    ['src/{a,b/*.ts', 4, /unclosed '\{'/],
    ['src/a}.ts', 5, /unmatched '\}'/],
    ['src//a.ts', 3, /empty folder name/],
    ['../shared/**', 0, /'\.\.' segments are not allowed/],
    ['src/../x', 4, /'\.\.' segments are not allowed/],
    ['src/./x', 4, /'\.' segments are not allowed/],
    ['src/**a/x', 4, /'\*\*' must be a whole path segment/],
    ['a***', 1, /'\*\*' must be a whole path segment/],
    ['v[9-0].ts', 2, /range '9-0' is out of order/],
    ['/', 0, /must name something/],
    ['{,}', 0, /leaves the glob empty/],
    ['x\u0001', 1, /control characters/],
  ];
  for (const [pattern, index, message] of bad) {
    it(`rejects ${JSON.stringify(pattern)} at offset ${index}`, () => {
      assert.throws(() => parseGlob(pattern), (err: unknown) => err instanceof GlobError && err.index === index && message.test(err.message));
    });
  }

  it('limits brace expansion', () => {
    assert.throws(() => parseGlob('{a,b,c,d}{a,b,c,d}{a,b,c,d}{a,b,c,d,e}'), /too many \{…\} alternatives/);
  });
});
