// Renders a scan report in the chosen format.
import { findRulesDir, loadRuleMetas } from '../core';
import { META_RULES, type ReportRuleMeta, type RuleLevel } from '../config';
import type { ReportFormat } from './args';
import { formatGithub } from './format-github';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { formatText } from './format-text';
import type { ScanReport } from './report-model';
import { readRuleDocs } from './rule-docs';

export interface RenderOptions {
  cwd: string;
  color: boolean;
  startTime: Date;
  endTime: Date;
  levels: ReadonlyMap<string, RuleLevel>;
}

/** Every rule a report can name: the core's rules, then the meta rules about suppression comments. */
export function reportRules(): ReportRuleMeta[] {
  return [...loadRuleMetas(), ...META_RULES];
}

export function renderReport(format: ReportFormat, report: ScanReport, options: RenderOptions): string {
  switch (format) {
    case 'text':
      return formatText(report, options);
    case 'github':
      return formatGithub(report, options);
    case 'json':
      return formatJson(report, { rules: reportRules(), levels: options.levels });
    case 'sarif': {
      const rules = reportRules();
      const docs = readRuleDocs(findRulesDir(), loadRuleMetas().map((rule) => rule.id));
      return formatSarif(report, { rules, docs, startTime: options.startTime, endTime: options.endTime, levels: options.levels });
    }
  }
}
