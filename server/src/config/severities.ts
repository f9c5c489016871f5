// Rule levels from the config: `off` drops a rule's findings, a severity replaces the rule's default.
import type { RuleLevel } from './load';
import type { ReportFinding } from './report-finding';

export function applyRuleLevels(findings: readonly ReportFinding[], levels: ReadonlyMap<string, RuleLevel>): ReportFinding[] {
  if (levels.size === 0) return [...findings];
  const out: ReportFinding[] = [];
  for (const finding of findings) {
    const level = levels.get(finding.ruleId);
    if (level === 'off') continue;
    out.push(level === undefined || level === finding.severity ? finding : { ...finding, severity: level });
  }
  return out;
}
