// A finding as the reports carry it: a core finding, or one about a suppression comment (a meta rule),
// possibly suppressed in the source with a justification.
import type { Finding } from '../core/types';
import type { AnyRuleId } from './meta-rules';

/** Marks a finding suppressed by a `promptward-ignore-…` comment; SARIF `suppressions[{ kind: 'inSource' }]`. */
export interface Suppression {
  kind: 'inSource';
  justification: string;
}

export type ReportFinding = Omit<Finding, 'ruleId'> & {
  ruleId: AnyRuleId;
  suppressed?: Suppression;
};
