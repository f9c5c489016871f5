// Short, readable forms of a threat model's parts, so tests can compare them exactly.
import type { ChecklistItem, ThreatModel, TmLocation } from '../../src/core/threat-model';

const at = (l: TmLocation) => `${l.file}:${l.line}`;
const short = (id: string) => id.replace(/^(call|entry|tool):/, '').replace(/:\d+$/, '');

export function entryLines(m: ThreatModel): string[] {
  return m.entryPoints.map(
    (e) => `${e.name} @${at(e.location)} ${e.authenticated ? 'auth' : 'NO-AUTH'} ${e.rateLimited ? 'limited' : 'NO-LIMIT'} → ${e.calls.map((c) => `${short(c.call)} (${c.via})`).join(', ') || 'nothing'}`,
  );
}

export function componentLines(m: ThreatModel): string[] {
  return m.components.map(
    (c) =>
      `${c.name} [${c.interface}: ${c.modules.join(', ')}] providers ${c.providers.join(', ')}; models ${c.modelIds.join(', ') || '-'}; calls ${c.callSites
        .map((s) => `${s.call}@${at(s.location)} ${s.provider}${s.runsInBrowser ? ' browser' : ''}${s.modelIds.length ? ` ${s.modelIds.join('+')}` : ''}${s.entryPoints.length ? ` from ${s.entryPoints.map(short).join('+')}` : ''}`)
        .join('; ')}`,
  );
}

export function promptFlowLines(m: ThreatModel, which: 'promptInputs' | 'retrieval' = 'promptInputs'): string[] {
  return m.dataFlows[which].map(
    (f) =>
      `${f.sourceKind} ${f.sourceLabel} @${at(f.source)} → ${f.sinkLabel} @${at(f.sink)} [${f.role}]${f.call ? ` in ${short(f.call)}` : ''}${f.entryPoints.length ? ` from ${f.entryPoints.map(short).join('+')}` : ''}${f.threats.length ? ` threats ${f.threats.length}` : ''}`,
  );
}

export function outputFlowLines(m: ThreatModel): string[] {
  return m.dataFlows.outputs.map(
    (f) =>
      `${f.sourceKind} ${f.sourceLabel} @${at(f.source)} → ${f.sinkKind}: ${f.sinkLabel} @${at(f.sink)} ${f.validated ? 'validated' : 'UNVALIDATED'}${f.call ? ` from ${short(f.call)}` : ''}${f.tool ? ` tool ${short(f.tool)}` : ''}${f.threats.length ? ` threats ${f.threats.length}` : ''}`,
  );
}

export function toolLines(m: ThreatModel): string[] {
  return m.tools.map(
    (t) => `${t.name} @${at(t.location)} [${t.capabilities.join(', ')}] dangerous [${t.dangerousCapabilities.join(', ')}] ${t.approvalRequired ? 'approval' : 'no-approval'} ${t.argumentsConfined ? 'confined' : 'UNCONFINED'} given by ${t.calls.map(short).join('+') || '-'}`,
  );
}

export function categoryLines(m: ThreatModel): string[] {
  return m.threats.map((c) => `${c.owasp2025}/${c.owasp2026} ${c.name}: ${c.count} (${c.open} open, ${c.suppressed} suppressed)`);
}

export function checklistLines(m: ThreatModel): string[] {
  return m.checklist.map((c) => `${c.step} ${c.status}`);
}

export function evidenceLines(item: ChecklistItem): string[] {
  return item.evidence.map((e) => `${e.kind}: ${e.text}${e.file ? ` @${e.file}${e.line ? `:${e.line}` : ''}` : ''}`);
}
