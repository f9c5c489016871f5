// The human-readable report: one line per finding, its data-flow path indented below, then a summary.
// Suppressed findings are not listed; the summary counts them.
import type { Location, Severity } from '../core';
import { palette, type Paint, type Palette } from './ansi';
import { displayPath } from './paths';
import { isActive, type ScanReport } from './report-model';
import { summaryLine } from './summary';

export interface TextOptions {
  /** Paths are shown relative to this folder. */
  cwd: string;
  color: boolean;
}

export function formatText(result: ScanReport, options: TextOptions): string {
  const paint = palette(options.color);
  const where = (location: Location): string =>
    `${displayPath(options.cwd, location.file)}:${location.start.line}:${location.start.column}`;

  const lines: string[] = [];
  for (const finding of result.findings.filter(isActive)) {
    const severity = severityPaint(paint, finding.severity)(finding.severity);
    lines.push(`${paint.bold(where(finding.location))} ${severity} ${paint.dim(finding.ruleId)} ${finding.message}`);
    for (const step of finding.path) {
      lines.push(`    ${step.kind.padEnd(6)}  ${where(step.location)}  ${paint.dim(step.label)}`);
    }
  }
  if (lines.length > 0) lines.push('');
  lines.push(summaryLine(result));
  return `${lines.join('\n')}\n`;
}

function severityPaint(paint: Palette, severity: Severity): Paint {
  switch (severity) {
    case 'error':
      return paint.red;
    case 'warning':
      return paint.yellow;
    case 'info':
      return paint.blue;
  }
}
