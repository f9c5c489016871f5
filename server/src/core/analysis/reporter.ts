// Collects findings as plain data: locations from nodes, messages from rule templates, paths from flows,
// and fingerprints that survive unrelated edits (no line numbers in them).
import * as crypto from 'crypto';
import * as path from 'path';
import { ts } from '../ts';
import type { Finding, Location, PathStep, RuleId, Severity, Fix } from '../types';
import { ruleMeta } from '../rules';
import type { Flow } from './values';

export function locationOf(node: ts.Node, sourceFile = node.getSourceFile()): Location {
  return rangeLocation(sourceFile, node.getStart(sourceFile), node.getEnd());
}

/** A range of a parsed file as a Location (1-based lines and columns, and the offsets). */
export function rangeLocation(sourceFile: ts.SourceFile, startOffset: number, endOffset: number): Location {
  const s = sourceFile.getLineAndCharacterOfPosition(startOffset);
  const e = sourceFile.getLineAndCharacterOfPosition(endOffset);
  return {
    file: sourceFile.fileName,
    start: { line: s.line + 1, column: s.character + 1 },
    end: { line: e.line + 1, column: e.character + 1 },
    startOffset,
    endOffset,
  };
}

export function shortText(node: ts.Node, max = 60): string {
  const text = node.getText().replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export interface ReportInput {
  rule: RuleId;
  node: ts.Node;
  /** Values for the message template: {source}, {sink}, {detail}. */
  source?: string;
  sink?: string;
  detail?: string;
  flow?: Flow;
  sinkLabel?: string;
  severity?: Severity;
  fixes?: Fix[];
}

export class Reporter {
  private readonly byKey = new Map<string, Finding>();

  constructor(private readonly root: string) {}

  report(input: ReportInput): void {
    const sf = input.node.getSourceFile();
    const location = locationOf(input.node, sf);
    const key = `${input.rule}\u0000${location.file}\u0000${location.startOffset}`;
    if (this.byKey.has(key)) return;
    const meta = ruleMeta(input.rule);
    const message = meta.message
      .replace(/\{source\}/g, input.source ?? 'data')
      .replace(/\{sink\}/g, input.sink ?? 'a sensitive sink')
      .replace(/\{detail\}/g, input.detail ?? '');
    const pathSteps: PathStep[] = [];
    if (input.flow) {
      input.flow.steps.forEach((step, i) => {
        pathSteps.push({ kind: i === 0 ? 'source' : 'step', location: locationOf(step.node), label: step.label });
      });
      pathSteps.push({ kind: 'sink', location, label: input.sinkLabel ?? input.sink ?? 'sink' });
    }
    const finding: Finding = {
      ruleId: input.rule,
      severity: input.severity ?? meta.severity,
      confidence: meta.confidence,
      message,
      location,
      path: pathSteps,
      fixes: input.fixes ?? [],
      fingerprint: this.fingerprint(input.rule, sf, input.node, pathSteps),
    };
    this.byKey.set(key, finding);
  }

  private fingerprint(rule: RuleId, sf: ts.SourceFile, node: ts.Node, steps: PathStep[]): string {
    const rel = path.relative(this.root, sf.fileName).split(path.sep).join('/');
    // The enclosing function's name and the normalised code of the line make the fingerprint
    // stable when lines are inserted above; an index separates identical lines in one function.
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
    const lineText = sf.text.split('\n')[line]?.replace(/\s+/g, ' ').trim() ?? '';
    let container: ts.Node | undefined = node.parent;
    while (container && !ts.isFunctionLike(container) && !ts.isClassLike(container)) container = container.parent;
    const containerName = container && (container as { name?: ts.Node }).name ? (container as { name: ts.Node }).name.getText(sf) : '';
    const labels = steps.map((s) => s.label).join('>');
    return crypto.createHash('sha256').update([rule, rel, containerName, lineText, shortText(node, 200), labels].join('\u0000')).digest('hex').slice(0, 32);
  }

  findings(): Finding[] {
    return [...this.byKey.values()].sort(
      (a, b) =>
        (a.location.file < b.location.file ? -1 : a.location.file > b.location.file ? 1 : 0) ||
        a.location.startOffset - b.location.startOffset ||
        (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
    );
  }
}
