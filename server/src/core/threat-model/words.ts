// Words both report renderers use.
import type { ChecklistStatus, ThreatModel, TmLocation } from './types';

export const STATUS_TEXT: Record<ChecklistStatus, string> = { met: 'met', 'partly-met': 'partly met', 'not-met': 'not met', unknown: 'unknown' };
export const STATUS_ICON: Record<ChecklistStatus, string> = { met: '✅', 'partly-met': '⚠️', 'not-met': '❌', unknown: '❔' };
export const ROLE_TEXT = { instructions: 'instructions', user: 'user content', mixed: 'instructions mixed with user content' } as const;
export const SOURCE_KIND_TEXT = { untrusted: 'untrusted input', retrieved: 'retrieved content', secret: 'secret', pii: 'personal data' } as const;

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
export const where = (l: TmLocation | { file: string; line?: number }): string => (l.line ? `${l.file}:${l.line}` : l.file);

/** The summary rows both reports open with: [label, value]. */
export function summaryRows(m: ThreatModel): [string, string][] {
  const s = m.summary;
  const t = s.threats;
  const severities = [t.error && plural(t.error, 'error'), t.warning && plural(t.warning, 'warning'), t.info && plural(t.info, 'info', 'info')].filter(Boolean).join(', ');
  return [
    ['AI components', `${plural(s.components, 'SDK or API', 'SDKs or APIs')}, ${plural(s.callSites, 'call site')}; providers: ${s.providers.join(', ') || 'none'}`],
    ['Models', s.modelIds.join(', ') || 'none resolved'],
    ['Entry points reaching a model', `${s.entryPoints} (${s.unauthenticatedEntryPoints} unauthenticated, ${s.entryPointsWithoutRateLimit} without rate limit)`],
    ['Data into prompts', `${plural(s.promptInputs, 'flow')} (${s.sensitivePromptInputs} carrying secrets or personal data), ${plural(s.retrievalFlows, 'retrieval flow')}`],
    ['Model output to sinks', `${plural(s.outputFlows, 'flow')} (${s.unvalidatedOutputFlows} unvalidated)`],
    ['Tools the model can call', `${s.tools} (${s.unconfinedTools} with a dangerous capability, no approval and unconfined arguments)`],
    ['Threats', `${t.total}${severities ? ` (${severities})` : ''}: ${t.open} open, ${t.suppressed} suppressed`],
    ['Checklist', `${s.checklist.met} met, ${s.checklist['partly-met']} partly met, ${s.checklist['not-met']} not met, ${s.checklist.unknown} unknown`],
  ];
}
