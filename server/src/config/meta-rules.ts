// Two rules about the suppression comments themselves, reported like any other finding (so they reach every
// format, the exit code and baselines):
//   invalid-ignore  a promptward-ignore comment without a reason, naming no rule or an unknown rule, or misspelt;
//   unused-ignore   a valid promptward-ignore comment that suppresses nothing (only with --report-unused-ignores).
import { DOCS_BASE_URL } from '../core/rules';
import type { RuleId, RuleMeta } from '../core/types';

export const META_RULE_IDS = ['invalid-ignore', 'unused-ignore'] as const;
export type MetaRuleId = (typeof META_RULE_IDS)[number];
export type AnyRuleId = RuleId | MetaRuleId;

/** Rule metadata for reports: a rule of the core, or a meta rule (which has no security severity). */
export type ReportRuleMeta = Omit<RuleMeta, 'id' | 'securitySeverity'> & { id: AnyRuleId; securitySeverity?: number };

/** The configuration page, where the suppression syntax is documented. */
export const SUPPRESSIONS_DOC_URL = `${DOCS_BASE_URL.replace(/rules\/docs\/$/, '')}docs/configuration.md#suppressions`;

function meta(id: MetaRuleId, name: string, shortDescription: string): ReportRuleMeta {
  return {
    id,
    name,
    shortDescription,
    severity: 'warning',
    confidence: 'high',
    likelihood: 'low',
    impact: 'low',
    owasp2025: [],
    owasp2026: [],
    cwe: [],
    atlas: [],
    message: '{detail}',
    references: [SUPPRESSIONS_DOC_URL],
    helpUri: SUPPRESSIONS_DOC_URL,
  };
}

export const META_RULES: readonly ReportRuleMeta[] = [
  meta('invalid-ignore', 'Invalid Ignore Comment', 'A promptward-ignore comment lacks a reason, names no rule or an unknown rule, or is misspelt; it suppresses nothing it cannot name.'),
  meta('unused-ignore', 'Unused Ignore Comment', 'A promptward-ignore comment suppresses no finding.'),
];

export function isMetaRule(id: string): id is MetaRuleId {
  return (META_RULE_IDS as readonly string[]).includes(id);
}
