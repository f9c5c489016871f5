// `promptward scan --fix`: applies the safe fixes of the reported findings to the files on disk: the same edits
// the editor's "Fix all safe Promptward problems" makes (core/quickfixes.ts), one fix per finding, never two
// that overlap, and a file is written only if it still parses afterwards.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Finding, Fix } from '../core';
import { applyEdits, editsByFile, selectCompatible } from '../core/edits';
import { fixesFor, parseText, syntaxErrorCount } from '../core/quickfixes';
import { isMetaRule, type ReportFinding } from '../config';

export interface FixOutcome {
  /** Findings whose fix was written. */
  fixed: number;
  files: string[];
}

/** The safe fix of each active finding (suppressed ones and suppression problems excluded), preferred first. */
function safeFixes(findings: readonly ReportFinding[], textOf: (file: string) => string | undefined): Fix[] {
  const out: Fix[] = [];
  for (const f of findings) {
    if (f.suppressed || isMetaRule(f.ruleId)) continue;
    const text = textOf(f.location.file);
    if (text === undefined) continue;
    const fix = fixesFor(f as Finding, text).filter((x) => x.safe).sort((a, b) => Number(b.preferred) - Number(a.preferred))[0];
    if (fix) out.push(fix);
  }
  return out;
}

export function applySafeFixes(findings: readonly ReportFinding[]): FixOutcome {
  const texts = new Map<string, string | undefined>();
  const textOf = (file: string) => {
    if (!texts.has(file)) {
      try {
        texts.set(file, readFileSync(file, 'utf8'));
      } catch {
        texts.set(file, undefined);
      }
    }
    return texts.get(file);
  };
  const { fixes, edits } = selectCompatible(safeFixes(findings, textOf));
  const written: string[] = [];
  const failedFiles = new Set<string>();
  for (const [file, list] of editsByFile(edits)) {
    const original = textOf(file);
    if (original === undefined) continue;
    const edited = applyEdits(original, list);
    if (syntaxErrorCount(parseText(file, edited)) > syntaxErrorCount(parseText(file, original))) {
      failedFiles.add(file);
      continue;
    }
    writeFileSync(file, edited);
    written.push(file);
  }
  const fixed = fixes.filter((f) => f.edits.every((e) => written.includes(e.file))).length;
  return { fixed, files: written };
}
