// The one-line summary of a scan: "3 findings (1 error, 2 warnings) in 12 files, 1 suppressed, 2 skipped".
import type { Severity } from '../core';
import { isActive, type ScanReport } from './report-model';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 || word === 'info' ? '' : 's'}`;
}

/** Counts of the active (not suppressed) findings. */
export function countBySeverity(report: ScanReport): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of report.findings) if (isActive(finding)) counts[finding.severity]++;
  return counts;
}

export function summaryLine(report: ScanReport): string {
  const counts = countBySeverity(report);
  const active = counts.error + counts.warning + counts.info;
  const parts = SEVERITIES.filter((s) => counts[s] > 0).map((s) => plural(counts[s], s));
  const breakdown = parts.length > 0 ? ` (${parts.join(', ')})` : '';
  const suppressed = report.findings.length - active;
  const extras = [
    suppressed > 0 ? `${suppressed} suppressed` : '',
    report.baselined ? `${report.baselined} in baseline` : '',
    report.stats.filesSkipped > 0 ? `${report.stats.filesSkipped} skipped` : '',
  ].filter(Boolean);
  return `${plural(active, 'finding')}${breakdown} in ${plural(report.stats.filesScanned, 'file')}${extras.map((e) => `, ${e}`).join('')}`;
}
