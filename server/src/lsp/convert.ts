// From the core's plain data (offsets into texts) to protocol shapes: diagnostics with the data-flow path as
// related information, hover markdown, and workspace edits. Positions come from offsets through a line index
// with the protocol's line breaks (\n, \r\n, \r) in UTF-16 code units, the unit of JavaScript strings.
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation, type Range, type TextEdit as LspTextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import * as path from 'path';
import { LineIndex, editsByFile } from '../core/edits';
import type { Location, Severity, TextEdit } from '../core/types';
import type { ReportFinding } from '../config';
import { ruleMetaOf } from './config';
import { SOURCE, type DiagnosticData } from './protocol';

export interface Texts {
  /** The LSP URI for a file (the client's own spelling for open documents). */
  uriOf(file: string): string;
  /** A line index over the current text of a file (open document or disk), if it can be read. */
  indexOf(file: string): LineIndex | undefined;
}

export function rangeOf(location: Location, index: LineIndex | undefined): Range {
  if (!index) {
    return {
      start: { line: location.start.line - 1, character: location.start.column - 1 },
      end: { line: location.end.line - 1, character: location.end.column - 1 },
    };
  }
  return { start: index.position(location.startOffset), end: index.position(location.endOffset) };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toDiagnostic(finding: ReportFinding, texts: Texts): Diagnostic {
  const meta = ruleMetaOf(finding.ruleId);
  const related: DiagnosticRelatedInformation[] = finding.path.map((step, i) => ({
    location: { uri: texts.uriOf(step.location.file), range: rangeOf(step.location, texts.indexOf(step.location.file)) },
    message: `${step.kind === 'step' ? `step ${i}` : step.kind}: ${step.label}`,
  }));
  const data: DiagnosticData = { fingerprint: finding.fingerprint, ruleId: finding.ruleId };
  return {
    range: rangeOf(finding.location, texts.indexOf(finding.location.file)),
    severity: SEVERITY[finding.severity],
    source: SOURCE,
    code: finding.ruleId,
    ...(meta ? { codeDescription: { href: meta.helpUri } } : {}),
    message: finding.message,
    ...(related.length ? { relatedInformation: related } : {}),
    data,
  };
}

function mdEscape(s: string): string {
  return s.replace(/([\\`*_{}[\]<>|])/g, '\\$1');
}

/** Hover text for the findings under the cursor. */
export function hoverMarkdown(findings: readonly ReportFinding[], texts: Texts, root: string): string {
  return findings.map((f) => {
    const meta = ruleMetaOf(f.ruleId);
    const lines = [`**Promptward · ${f.ruleId}**${meta ? ` — ${mdEscape(meta.name)}` : ''} (${f.severity})`, ''];
    if (meta) lines.push(mdEscape(meta.shortDescription), '');
    lines.push(mdEscape(f.message), '');
    const ids = [
      ...(meta?.owasp2025.length ? [`OWASP LLM Top 10 2025: ${meta.owasp2025.join(', ')}`] : []),
      ...(meta?.owasp2026.length ? [`2026: ${meta.owasp2026.join(', ')}`] : []),
      ...(meta?.cwe.length ? [meta.cwe.join(', ')] : []),
    ];
    if (ids.length) lines.push(ids.join(' · '), '');
    if (f.path.length) {
      lines.push('**Data flow**', '');
      f.path.forEach((step, i) => {
        const rel = path.relative(root, step.location.file).split(path.sep).join('/') || path.basename(step.location.file);
        const pos = rangeOf(step.location, texts.indexOf(step.location.file)).start;
        const link = `${texts.uriOf(step.location.file)}#L${pos.line + 1},${pos.character + 1}`;
        lines.push(`${i + 1}. ${step.kind}: ${mdEscape(step.label)} — [${mdEscape(rel)}:${pos.line + 1}](${link})`);
      });
      lines.push('');
    }
    if (meta) lines.push(`[Rule documentation](${meta.helpUri})`);
    return lines.join('\n');
  }).join('\n\n---\n\n');
}

export interface EditTarget {
  uri: string;
  /** The open document's version, or null for a file on disk. */
  version: number | null;
  index: LineIndex;
}

/** A workspace edit from core text edits; versioned document changes when the client supports them. */
export function toWorkspaceEdit(edits: readonly TextEdit[], targetOf: (file: string) => EditTarget | undefined, documentChanges: boolean): WorkspaceEdit | undefined {
  const changes: { target: EditTarget; edits: LspTextEdit[] }[] = [];
  for (const [file, list] of editsByFile(edits)) {
    const target = targetOf(file);
    if (!target) return undefined;
    changes.push({ target, edits: list.map((e) => ({ range: { start: target.index.position(e.startOffset), end: target.index.position(e.endOffset) }, newText: e.newText })) });
  }
  if (documentChanges) {
    return { documentChanges: changes.map((c) => ({ textDocument: { uri: c.target.uri, version: c.target.version }, edits: c.edits })) };
  }
  return { changes: Object.fromEntries(changes.map((c) => [c.target.uri, c.edits])) };
}
