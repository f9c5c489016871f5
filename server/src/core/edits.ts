// Text edits as plain data: apply them, pick a non-overlapping set, and map offsets to LSP-style positions.
// Shared by the language server (code actions, fix-all) and the CLI (`promptward scan --fix`).
import type { Finding, Fix, TextEdit } from './types';

/**
 * Applies edits (all to the same text) from the end backwards. Overlapping edits throw. Insertions at the same
 * offset appear in the order of the array, as in LSP.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => b.e.startOffset - a.e.startOffset || b.i - a.i).map((x) => x.e);
  let out = text;
  let limit = Infinity;
  for (const e of sorted) {
    if (e.startOffset < 0 || e.endOffset < e.startOffset || e.endOffset > text.length) throw new Error(`edit out of range: ${e.startOffset}-${e.endOffset}`);
    if (e.endOffset > limit) throw new Error(`overlapping edits at ${e.startOffset}-${e.endOffset}`);
    out = out.slice(0, e.startOffset) + e.newText + out.slice(e.endOffset);
    limit = e.startOffset;
  }
  return out;
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.file !== b.file) return false;
  // Two insertions at the same point conflict too: their order would be arbitrary.
  if (a.startOffset === a.endOffset && b.startOffset === b.endOffset) return a.startOffset === b.startOffset;
  return a.startOffset < b.endOffset && b.startOffset < a.endOffset || a.startOffset === b.startOffset;
}

/**
 * The fixes to apply together: each fix whole or not at all, none overlapping an earlier one, in the order given.
 * Identical edits from two fixes (e.g. the same import added twice) are applied once.
 */
export function selectCompatible(fixes: readonly Fix[]): { fixes: Fix[]; edits: TextEdit[] } {
  const chosen: Fix[] = [];
  const edits: TextEdit[] = [];
  const same = (a: TextEdit, b: TextEdit) => a.file === b.file && a.startOffset === b.startOffset && a.endOffset === b.endOffset && a.newText === b.newText;
  for (const fix of fixes) {
    const fresh = fix.edits.filter((e) => !edits.some((x) => same(x, e)));
    if (fresh.some((e) => edits.some((x) => overlaps(x, e)))) continue;
    chosen.push(fix);
    edits.push(...fresh);
  }
  return { fixes: chosen, edits };
}

/** Edits grouped by file, each group sorted by offset. */
export function editsByFile(edits: readonly TextEdit[]): Map<string, TextEdit[]> {
  const out = new Map<string, TextEdit[]>();
  for (const e of edits) {
    const list = out.get(e.file) ?? [];
    list.push(e);
    out.set(e.file, list);
  }
  for (const list of out.values()) list.sort((a, b) => a.startOffset - b.startOffset);
  return out;
}

/** The safe fixes of a set of findings, preferred first, one per finding. */
export function safeFixesOf(findings: readonly Finding[], extra: (f: Finding) => Fix[] = () => []): Fix[] {
  const out: Fix[] = [];
  for (const f of findings) {
    const safe = [...f.fixes, ...extra(f)].filter((x) => x.safe).sort((a, b) => Number(b.preferred) - Number(a.preferred));
    if (safe[0]) out.push(safe[0]);
  }
  return out;
}

/**
 * Zero-based line/character positions (UTF-16 code units) for offsets into a text, with the line breaks the
 * Language Server Protocol knows: \n, \r\n and \r.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      } else if (c === 10 /* \n */) this.starts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  position(offset: number): { line: number; character: number } {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }

  offset(pos: { line: number; character: number }): number {
    if (pos.line >= this.starts.length) return this.text.length;
    const start = this.starts[Math.max(0, pos.line)];
    let end = pos.line + 1 < this.starts.length ? this.starts[pos.line + 1] : this.text.length;
    // A character past the end of the line means the end of the line, before its line break.
    if (end > start && this.text[end - 1] === '\n') end--;
    if (end > start && this.text[end - 1] === '\r') end--;
    return Math.min(start + Math.max(0, pos.character), end);
  }
}
