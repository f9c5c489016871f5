// GitHub Actions workflow commands: one annotation per active finding, shown on the pull request's diff.
// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
import type { Severity } from '../core';
import { displayPath } from './paths';
import { isActive, type ScanReport } from './report-model';
import { summaryLine } from './summary';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escaping of a command's message. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a command's property values (file=…, title=…). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export interface GithubOptions {
  /** Paths are relative to this folder: the workspace, when run in a workflow. */
  cwd: string;
}

export function formatGithub(report: ScanReport, options: GithubOptions): string {
  const lines: string[] = [];
  for (const f of report.findings.filter(isActive)) {
    const where = (file: string) => displayPath(options.cwd, file);
    const { start, end } = f.location;
    // Columns only mean something to GitHub on a one-line annotation.
    const columns = start.line === end.line ? [`col=${start.column}`, `endColumn=${end.column}`] : [];
    const props = [
      `file=${escapeProperty(where(f.location.file))}`,
      `line=${start.line}`,
      `endLine=${end.line}`,
      ...columns,
      `title=${escapeProperty(`Promptward ${f.ruleId}`)}`,
    ];
    const steps = f.path.map((s) => `${s.kind}: ${where(s.location.file)}:${s.location.start.line}:${s.location.start.column} ${s.label}`);
    lines.push(`::${COMMAND[f.severity]} ${props.join(',')}::${escapeData([f.message, ...steps].join('\n'))}`);
  }
  lines.push(summaryLine(report));
  return `${lines.join('\n')}\n`;
}
