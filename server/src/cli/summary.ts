// The one-line summary of a scan: "3 findings (1 error, 2 warnings) in 12 files".
import type { ScanResult, Severity } from '../core';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 || word === 'info' ? '' : 's'}`;
}

export function countBySeverity(result: ScanResult): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of result.findings) counts[finding.severity]++;
  return counts;
}

export function summaryLine(result: ScanResult): string {
  const counts = countBySeverity(result);
  const parts = SEVERITIES.filter((s) => counts[s] > 0).map((s) => plural(counts[s], s));
  const breakdown = parts.length > 0 ? ` (${parts.join(', ')})` : '';
  const skipped = result.stats.filesSkipped > 0 ? `, ${result.stats.filesSkipped} skipped` : '';
  return `${plural(result.findings.length, 'finding')}${breakdown} in ${plural(result.stats.filesScanned, 'file')}${skipped}`;
}

export function hasErrors(result: ScanResult): boolean {
  return result.findings.some((f) => f.severity === 'error');
}
