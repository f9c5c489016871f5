// Renders a scan result in the chosen format.
import { findRulesDir, loadRuleMetas, type ScanResult } from '../core';
import type { ReportFormat } from './args';
import { formatSarif } from './format-sarif';
import { formatText } from './format-text';
import { readRuleDocs } from './rule-docs';

export interface RenderOptions {
  cwd: string;
  color: boolean;
  startTime: Date;
  endTime: Date;
}

export function renderReport(format: ReportFormat, result: ScanResult, options: RenderOptions): string {
  if (format === 'text') return formatText(result, options);
  const rules = loadRuleMetas();
  const docs = readRuleDocs(findRulesDir(), rules.map((rule) => rule.id));
  return formatSarif(result, { rules, docs, startTime: options.startTime, endTime: options.endTime });
}
