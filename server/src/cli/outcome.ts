// The exit code of a scan, from the reported findings and the gate options.
import type { Severity } from '../core';
import type { ReportFinding } from '../config';
import { isActive } from './report-model';

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export interface Gate {
  /** Exit 1 when an active finding has this severity or a higher one (default error). */
  threshold: Severity;
  /** Exit 1 when more than this many active warnings are reported. */
  maxWarnings?: number;
}

/** 1 when the reported, unsuppressed findings fail the gate, else 0. (2 is for errors, decided elsewhere.) */
export function exitCodeFor(findings: readonly ReportFinding[], gate: Gate): 0 | 1 {
  const active = findings.filter(isActive);
  if (active.some((f) => RANK[f.severity] >= RANK[gate.threshold])) return 1;
  if (gate.maxWarnings !== undefined && active.filter((f) => f.severity === 'warning').length > gate.maxWarnings) return 1;
  return 0;
}

/** --quiet: only findings of severity error are reported (and count). */
export function onlyErrors(findings: readonly ReportFinding[]): ReportFinding[] {
  return findings.filter((f) => f.severity === 'error');
}
