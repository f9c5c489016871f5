// What the formatters render: the scan's findings after the config, the suppression comments and the baseline.
import type { ScanStats, SkippedFile } from '../core';
import type { ReportFinding } from '../config';

export interface ScanReport {
  root: string;
  /** Reported findings, suppressed ones included (marked); not those matched by the baseline or hidden by --quiet. */
  findings: readonly ReportFinding[];
  skipped: readonly SkippedFile[];
  stats: ScanStats;
  /** With --baseline: how many findings the baseline matched (and so are not reported). */
  baselined?: number;
}

export const isActive = (finding: ReportFinding): boolean => finding.suppressed === undefined;
