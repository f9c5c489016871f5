// The JSON report, version 1: a stable, documented shape for scripts and dashboards (docs/json-format.md).
// Paths are relative to the scan root, with `/`; a file outside it keeps its absolute path.
import type { Location, PathStep, Severity } from '../core';
import type { ReportFinding, ReportRuleMeta, RuleLevel, Suppression } from '../config';
import { pathInside } from './paths';
import { isActive, type ScanReport } from './report-model';
import { countBySeverity } from './summary';
import { TOOL_NAME, TOOL_URI, TOOL_VERSION } from './tool-info';

export const JSON_REPORT_VERSION = 1;

export interface JsonLocation {
  path: string;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export interface JsonReport {
  version: 1;
  tool: { name: string; version: string; informationUri: string };
  root: string;
  rules: {
    id: string;
    name: string;
    shortDescription: string;
    severity: RuleLevel;
    defaultSeverity: Severity;
    confidence: string;
    securitySeverity: number | null;
    owasp2025: string[];
    owasp2026: string[];
    cwe: string[];
    helpUri: string;
  }[];
  findings: {
    ruleId: string;
    severity: Severity;
    confidence: string;
    message: string;
    location: JsonLocation;
    path: { kind: PathStep['kind']; label: string; location: JsonLocation }[];
    fingerprint: string;
    suppressed?: Suppression;
  }[];
  skipped: { path: string; reason: string }[];
  stats: {
    filesScanned: number;
    filesAnalysed: number;
    filesSkipped: number;
    durationMs: number;
    findings: number;
    bySeverity: Record<Severity, number>;
    suppressed: number;
    baselined: number;
  };
}

export interface JsonOptions {
  rules: readonly ReportRuleMeta[];
  /** Configured rule levels (rule id → off|info|warning|error). */
  levels: ReadonlyMap<string, RuleLevel>;
}

export function toJsonReport(report: ScanReport, options: JsonOptions): JsonReport {
  const rel = (file: string) => pathInside(report.root, file) ?? file;
  const location = (loc: Location): JsonLocation => ({
    path: rel(loc.file),
    startLine: loc.start.line,
    startColumn: loc.start.column,
    endLine: loc.end.line,
    endColumn: loc.end.column,
  });
  const finding = (f: ReportFinding): JsonReport['findings'][number] => ({
    ruleId: f.ruleId,
    severity: f.severity,
    confidence: f.confidence,
    message: f.message,
    location: location(f.location),
    path: f.path.map((step) => ({ kind: step.kind, label: step.label, location: location(step.location) })),
    fingerprint: f.fingerprint,
    ...(f.suppressed && { suppressed: f.suppressed }),
  });
  const active = report.findings.filter(isActive).length;
  return {
    version: JSON_REPORT_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION, informationUri: TOOL_URI },
    root: report.root,
    rules: options.rules.map((r) => ({
      id: r.id,
      name: r.name,
      shortDescription: r.shortDescription,
      severity: options.levels.get(r.id) ?? r.severity,
      defaultSeverity: r.severity,
      confidence: r.confidence,
      securitySeverity: r.securitySeverity ?? null,
      owasp2025: r.owasp2025,
      owasp2026: r.owasp2026,
      cwe: r.cwe,
      helpUri: r.helpUri,
    })),
    findings: report.findings.map(finding),
    skipped: report.skipped.map((s) => ({ path: rel(s.file), reason: s.reason })),
    stats: {
      filesScanned: report.stats.filesScanned,
      filesAnalysed: report.stats.filesAnalysed,
      filesSkipped: report.stats.filesSkipped,
      durationMs: report.stats.durationMs,
      findings: active,
      bySeverity: countBySeverity(report),
      suppressed: report.findings.length - active,
      baselined: report.baselined ?? 0,
    },
  };
}

export function formatJson(report: ScanReport, options: JsonOptions): string {
  return `${JSON.stringify(toJsonReport(report, options), null, 2)}\n`;
}
