// From the core's findings to the report: config rule levels, suppression comments, baseline, --quiet.
import { readFileSync } from 'node:fs';
import type { ScanResult } from '../core';
import { applyRuleLevels, applySuppressions, findDirectives, type Directive, type PromptwardConfig, type ReportFinding } from '../config';
import { baselineText, subtractBaseline } from './baseline';
import { onlyErrors } from './outcome';
import { isActive, type ScanReport } from './report-model';

export interface PipelineOptions {
  config: PromptwardConfig;
  /** Files the scan looked at: their suppression comments are read (the ones with none cost one text search). */
  files: readonly string[];
  reportUnusedIgnores: boolean;
  /** From --baseline: fingerprint → count. */
  baseline?: ReadonlyMap<string, number>;
  /** --write-baseline: produce the baseline text of this scan. */
  writeBaseline: boolean;
  quiet: boolean;
}

export interface PipelineResult {
  report: ScanReport;
  /** The baseline to write (all active findings, before --baseline and --quiet), when asked. */
  baseline?: { text: string; count: number };
}

function readDirectives(files: readonly string[]): Map<string, Directive[]> {
  const out = new Map<string, Directive[]>();
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue; // the scan lists it as skipped
    }
    const directives = findDirectives(file, text);
    if (directives.length > 0) out.set(file, directives);
  }
  return out;
}

function byPosition(a: ReportFinding, b: ReportFinding): number {
  const fa = a.location.file;
  const fb = b.location.file;
  return (fa < fb ? -1 : fa > fb ? 1 : 0) || a.location.startOffset - b.location.startOffset || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

export function buildReport(result: ScanResult, options: PipelineOptions): PipelineResult {
  const levels = options.config.rules;
  const configured = applyRuleLevels(result.findings, levels);
  const { findings, problems } = applySuppressions(configured, readDirectives(options.files), {
    root: result.root,
    reportUnused: options.reportUnusedIgnores,
    levels,
  });
  let all = [...findings, ...problems].sort(byPosition);
  const baseline = options.writeBaseline ? { text: baselineText(all, result.root), count: all.filter(isActive).length } : undefined;
  let baselined: number | undefined;
  if (options.baseline) ({ findings: all, baselined } = subtractBaseline(all, options.baseline));
  if (options.quiet) all = onlyErrors(all);
  return {
    report: { root: result.root, findings: all, skipped: result.skipped, stats: result.stats, baselined },
    baseline,
  };
}
