// Include/exclude globs for the config file: parsed and validated up front (with the column of a mistake),
// matched segment by segment without regular expressions, so a pattern from an untrusted config cannot make
// matching slow. Semantics (as in .gitignore):
//   *  any characters but `/`;  ?  one character but `/`;  [a-z] [!a-z] a character class;  {a,b} alternatives;
//   ** a whole segment: any number of folders;  a pattern without a `/` matches a name at any depth;
//   a leading `/` anchors a single name to the base folder;  a trailing `/` matches folders only.
// A pattern that matches a folder matches every file under it. Dotfiles are matched like other names.

export class GlobError extends Error {
  override readonly name = 'GlobError';
  /** `index` is the 0-based offset of the mistake in the pattern. */
  constructor(readonly index: number, message: string) {
    super(message);
  }
}

type Token = { t: 'lit'; c: string } | { t: 'any' } | { t: 'star' } | { t: 'class'; negated: boolean; ranges: [string, string][] };
type Segment = '**' | Token[];

export interface Glob {
  readonly source: string;
  /** Each brace alternative, as path segments. */
  readonly alternatives: readonly (readonly Segment[])[];
  readonly dirOnly: boolean;
}

const MAX_LENGTH = 1000;
const MAX_ALTERNATIVES = 256;

/** Parses a glob; throws GlobError with the offset and what is wrong. */
export function parseGlob(pattern: string): Glob {
  if (pattern.length === 0) throw new GlobError(0, 'a glob cannot be empty');
  if (pattern.length > MAX_LENGTH) throw new GlobError(MAX_LENGTH, `a glob can be at most ${MAX_LENGTH} characters`);
  if (pattern.startsWith('!')) throw new GlobError(0, 'negated globs (!) are not supported: list the pattern under exclude instead');
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') throw new GlobError(i, 'use / to separate folders (backslash escapes are not supported)');
    if (c < ' ') throw new GlobError(i, 'a glob cannot contain control characters');
  }
  checkBrackets(pattern);
  checkSegments(pattern);

  let body = pattern;
  let offset = 0;
  let anchored = false;
  while (body.startsWith('./')) {
    body = body.slice(2);
    offset += 2;
    anchored = true;
  }
  if (body.startsWith('/')) {
    body = body.slice(1);
    offset += 1;
    anchored = true;
  }
  const dirOnly = body.endsWith('/');
  if (dirOnly) body = body.slice(0, -1);
  if (body === '') throw new GlobError(0, 'a glob must name something inside the folder');

  const alternatives = expandBraces(body, offset).map((alt) => {
    const segments = parseSegments(alt, offset);
    // `*.test.ts` (no slash) matches at any depth; `src/*.ts` and `/x` are anchored to the base folder.
    return !anchored && segments.length === 1 && segments[0] !== '**' ? ['**' as const, ...segments] : segments;
  });
  return { source: pattern, alternatives, dirOnly };
}

/** Every `[` is closed by a `]` within its segment; every `{` by a `}`; no `}` is left over. */
function checkBrackets(pattern: string): void {
  const braces: number[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '[') {
      const close = classEnd(pattern, i);
      if (close === -1) throw new GlobError(i, "unclosed '[': a character class needs a closing ']'");
      for (let j = i + 1; j + 2 < close; j++) {
        if (pattern[j + 1] === '-' && pattern[j + 2]! < pattern[j]!) {
          throw new GlobError(j, `character range '${pattern.slice(j, j + 3)}' is out of order`);
        }
      }
      i = close;
    } else if (c === '{') {
      braces.push(i);
    } else if (c === '}') {
      if (braces.pop() === undefined) throw new GlobError(i, "unmatched '}'");
    }
  }
  if (braces.length > 0) throw new GlobError(braces[braces.length - 1]!, "unclosed '{': alternatives need a closing '}'");
}

/** The index of the `]` closing the class opened at `open`, or -1. A `]` right after `[` or `[!` is literal. */
function classEnd(pattern: string, open: number): number {
  let i = open + 1;
  if (pattern[i] === '!' || pattern[i] === '^') i++;
  if (pattern[i] === ']') i++;
  for (; i < pattern.length; i++) {
    if (pattern[i] === '/') return -1;
    if (pattern[i] === ']') return i;
  }
  return -1;
}

/** Segment mistakes with their exact offset: `//`, `.`/`..` segments, `**` glued to other characters. */
function checkSegments(pattern: string): void {
  const startsSegment = (i: number) => i === 0 || '/{,'.includes(pattern[i - 1]!);
  const endsSegment = (i: number) => i >= pattern.length || '/},'.includes(pattern[i]!);
  for (let i = 0; i < pattern.length; i++) {
    if (pattern.startsWith('//', i)) throw new GlobError(i, "empty folder name ('//')");
    if (pattern.startsWith('**', i)) {
      let end = i;
      while (pattern[end] === '*') end++;
      if (end - i > 2 || !startsSegment(i) || !endsSegment(end)) {
        throw new GlobError(i, "'**' must be a whole path segment, as in src/**/x.ts");
      }
      i = end - 1;
    } else if (pattern[i] === '.' && startsSegment(i)) {
      const dots = pattern[i + 1] === '.' ? 2 : 1;
      const leadingDotSlash = dots === 1 && pattern[i + 1] === '/' && /^(\.\/)*$/.test(pattern.slice(0, i));
      if (endsSegment(i + dots) && !leadingDotSlash) {
        throw new GlobError(i, `'${'.'.repeat(dots)}' segments are not allowed: globs are relative to the config file's folder`);
      }
    }
  }
}

/** `{a,b}x{c,d}` → `ax`… ; nested braces allowed; offsets are only used for errors. */
function expandBraces(text: string, offset: number): string[] {
  const open = findTopLevelBrace(text);
  if (open === -1) return [text];
  let depth = 0;
  let close = -1;
  const commas: number[] = [];
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '[') {
      i = classEnd(text, i);
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      close = i;
      break;
    } else if (c === ',' && depth === 1) commas.push(i);
  }
  const bounds = [open, ...commas, close];
  const options: string[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) options.push(text.slice(bounds[k]! + 1, bounds[k + 1]));
  const head = text.slice(0, open);
  const tails = expandBraces(text.slice(close + 1), offset + close + 1);
  const out: string[] = [];
  for (const option of options) {
    for (const middle of expandBraces(option, offset + open + 1)) {
      for (const tail of tails) {
        out.push(head + middle + tail);
        if (out.length > MAX_ALTERNATIVES) throw new GlobError(offset + open, `too many {…} alternatives (at most ${MAX_ALTERNATIVES})`);
      }
    }
  }
  return out;
}

function findTopLevelBrace(text: string): number {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '[') i = classEnd(text, i);
    else if (text[i] === '{') return i;
  }
  return -1;
}

function parseSegments(text: string, offset: number): Segment[] {
  if (text === '') throw new GlobError(offset, 'a {…} alternative leaves the glob empty');
  const parts = text.split('/');
  return parts.map((part) => {
    if (part === '') throw new GlobError(offset, `empty folder name (//) in '${text}'`);
    if (part === '..' || part === '.') throw new GlobError(offset, `'${part}' segments are not allowed: globs are relative to the config file's folder`);
    if (part === '**') return '**';
    if (part.includes('**')) throw new GlobError(offset, `'**' must be a whole path segment, as in src/**/x.ts (in '${part}')`);
    return parseTokens(part);
  });
}

function parseTokens(segment: string): Token[] {
  const chars = Array.from(segment);
  const tokens: Token[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === '*') tokens.push({ t: 'star' });
    else if (c === '?') tokens.push({ t: 'any' });
    else if (c === '[') {
      let j = i + 1;
      const negated = chars[j] === '!' || chars[j] === '^';
      if (negated) j++;
      const ranges: [string, string][] = [];
      let first = true;
      for (; j < chars.length && (chars[j] !== ']' || first); j++) {
        first = false;
        const lo = chars[j]!;
        if (chars[j + 1] === '-' && chars[j + 2] !== undefined && chars[j + 2] !== ']') {
          ranges.push([lo, chars[j + 2]!]);
          j += 2;
        } else ranges.push([lo, lo]);
      }
      tokens.push({ t: 'class', negated, ranges });
      i = j; // at the closing ']'
    } else tokens.push({ t: 'lit', c });
  }
  return tokens;
}

function matchesOne(token: Token, c: string): boolean {
  switch (token.t) {
    case 'lit':
      return token.c === c;
    case 'any':
      return true;
    case 'class':
      return token.ranges.some(([lo, hi]) => c >= lo && c <= hi) !== token.negated;
    case 'star':
      return false;
  }
}

/** Wildcard matching within one path segment: linear backtracking to the last `*`, O(pattern × name). */
function segmentMatches(tokens: readonly Token[], name: string): boolean {
  const s = Array.from(name);
  let ti = 0;
  let si = 0;
  let starTi = -1;
  let starSi = 0;
  while (si < s.length) {
    const token = tokens[ti];
    if (token && token.t === 'star') {
      starTi = ti++;
      starSi = si;
    } else if (token && matchesOne(token, s[si]!)) {
      ti++;
      si++;
    } else if (starTi >= 0) {
      ti = starTi + 1;
      si = ++starSi;
    } else return false;
  }
  while (tokens[ti]?.t === 'star') ti++;
  return ti === tokens.length;
}

/** Does the segment pattern match the whole list of path segments? Dynamic programming over `**`. */
function segmentsMatch(pattern: readonly Segment[], path: readonly string[]): boolean {
  const m = pattern.length;
  const n = path.length;
  // next[j]: pattern[i+1..] matches path[j..]; row for i = m is "only the empty path".
  let next = Array.from({ length: n + 1 }, (_, j) => j === n);
  for (let i = m - 1; i >= 0; i--) {
    const seg = pattern[i]!;
    const row = new Array<boolean>(n + 1).fill(false);
    for (let j = n; j >= 0; j--) {
      if (seg === '**') row[j] = next[j]! || (j < n && row[j + 1]!);
      else row[j] = j < n && next[j + 1]! && segmentMatches(seg, path[j]!);
    }
    next = row;
  }
  return next[0]!;
}

/**
 * Does the glob match `relativePath` (relative to the glob's base folder, `/`-separated) or one of the
 * folders it lies in? Paths outside the base folder (`../x`) never match.
 */
export function globMatches(glob: Glob, relativePath: string): boolean {
  if (relativePath === '' || relativePath.startsWith('../') || relativePath === '..' || relativePath.startsWith('/')) return false;
  const segments = relativePath.split('/');
  for (let end = segments.length; end >= 1; end--) {
    const isFolder = end < segments.length;
    if (glob.dirOnly && !isFolder) continue;
    const prefix = segments.slice(0, end);
    if (glob.alternatives.some((alt) => segmentsMatch(alt, prefix))) return true;
  }
  return false;
}
