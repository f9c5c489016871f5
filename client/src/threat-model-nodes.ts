// The threat-model sidebar's content as plain data: sections, items and leaves built from the language server's
// ThreatModel. No `vscode` import, so it is unit-tested under Node; threat-model-tree.ts turns nodes into
// TreeItems.
import type {
  ChecklistItem, ChecklistStatus, Component, EntryPoint, Evidence, OutputFlow, PromptInputFlow, Threat, ThreatCategory, ThreatModel, TmLocation, Tool,
} from '../../server/src/core/threat-model/types';

/** Where a leaf points: a file relative to the workspace folder, 1-based line and column. */
export interface NodeLocation {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

/** The `contextValue` of each kind of node: package.json's view/item/context menus match on these. */
export type NodeKind =
  | 'section' | 'checklist-item' | 'evidence' | 'entry-point' | 'component' | 'call-site' | 'flow-group' | 'flow'
  | 'tool' | 'category' | 'threat' | 'note';

export interface ThreatModelNode {
  /** Stable across refreshes (the tree keeps its expansion state by it). */
  id: string;
  kind: NodeKind;
  label: string;
  description?: string;
  tooltip?: string;
  /** A codicon id and an optional theme colour id. */
  icon?: { id: string; color?: string };
  location?: NodeLocation;
  /** For threats: the rule and the finding's fingerprint. */
  ruleId?: string;
  fingerprint?: string;
  children?: ThreatModelNode[];
  expanded?: boolean;
}

export const STATUS_LABEL: Record<ChecklistStatus, string> = { met: 'met', 'partly-met': 'partly met', 'not-met': 'not met', unknown: 'unknown' };

const STATUS_ICON: Record<ChecklistStatus, { id: string; color: string }> = {
  met: { id: 'pass-filled', color: 'testing.iconPassed' },
  'partly-met': { id: 'circle-large-filled', color: 'list.warningForeground' },
  'not-met': { id: 'error', color: 'list.errorForeground' },
  unknown: { id: 'question', color: 'descriptionForeground' },
};

const SEVERITY_ICON: Record<Threat['severity'], { id: string; color: string }> = {
  error: { id: 'error', color: 'list.errorForeground' },
  warning: { id: 'warning', color: 'list.warningForeground' },
  info: { id: 'info', color: 'descriptionForeground' },
};

const at = (l: TmLocation | NodeLocation): string => `${l.file}:${l.line}`;
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
const toLocation = (l: TmLocation): NodeLocation => ({ file: l.file, line: l.line, column: l.column, endLine: l.endLine, endColumn: l.endColumn });

/** The sidebar's six sections, in the order a reviewer reads them. */
export function threatModelNodes(model: ThreatModel): ThreatModelNode[] {
  return [
    checklistSection(model.checklist),
    entryPointSection(model.entryPoints),
    componentSection(model.components),
    dataFlowSection(model),
    toolSection(model.tools),
    threatSection(model.threats, model.summary.threats),
  ];
}

function section(id: string, label: string, description: string, icon: string, children: ThreatModelNode[], empty: string, expanded = false): ThreatModelNode {
  return {
    id: `section:${id}`,
    kind: 'section',
    label,
    description,
    icon: { id: icon },
    children: children.length ? children : [{ id: `section:${id}:empty`, kind: 'note', label: empty }],
    expanded,
  };
}

function checklistSection(items: readonly ChecklistItem[]): ThreatModelNode {
  const met = items.filter((i) => i.status === 'met').length;
  return section('checklist', 'Checklist', `${met} of ${items.length} met`, 'checklist', items.map(checklistNode), 'no checklist', true);
}

function checklistNode(item: ChecklistItem): ThreatModelNode {
  return {
    id: `checklist:${item.id}`,
    kind: 'checklist-item',
    label: `${item.step}. ${item.title}`,
    description: STATUS_LABEL[item.status],
    tooltip: `${item.title}: ${STATUS_LABEL[item.status]}. ${item.summary}`,
    icon: STATUS_ICON[item.status],
    children: item.evidence.map((e, i) => evidenceNode(item, e, i)),
  };
}

function evidenceNode(item: ChecklistItem, e: Evidence, index: number): ThreatModelNode {
  const icon = e.kind === 'found' ? { id: 'check', color: 'testing.iconPassed' } : e.kind === 'gap' ? { id: 'close', color: 'list.errorForeground' } : { id: 'search' };
  const where = e.file ? (e.line ? `${e.file}:${e.line}` : e.file) : undefined;
  return {
    id: `checklist:${item.id}:${index}`,
    kind: 'evidence',
    label: e.text,
    description: where,
    tooltip: `${e.kind === 'found' ? 'Found' : e.kind === 'gap' ? 'Gap' : 'Searched'}: ${e.text}${where ? ` (${where})` : ''}`,
    icon,
    location: e.file ? { file: e.file, line: e.line ?? 1, column: 1 } : undefined,
  };
}

function entryPointSection(entries: readonly EntryPoint[]): ThreatModelNode {
  const open = entries.filter((e) => !e.authenticated || !e.rateLimited).length;
  return section('entry-points', 'Entry points', `${entries.length}${open ? `, ${open} missing auth or rate limit` : ''}`, 'plug', entries.map(entryNode), 'no entry point reaches an LLM');
}

function entryNode(e: EntryPoint): ThreatModelNode {
  const guards = `${e.authenticated ? 'auth' : 'no auth'} · ${e.rateLimited ? 'rate limited' : 'no rate limit'}`;
  const risky = !e.authenticated || !e.rateLimited;
  return {
    id: e.id,
    kind: 'entry-point',
    label: e.name,
    description: guards,
    tooltip: `${e.framework} ${e.kind} at ${at(e.location)}: ${guards}; reaches ${plural(e.calls.length, 'LLM call')}`,
    icon: risky ? { id: 'unlock', color: 'list.warningForeground' } : { id: 'lock', color: 'testing.iconPassed' },
    location: toLocation(e.location),
  };
}

function componentSection(components: readonly Component[]): ThreatModelNode {
  const calls = components.reduce((n, c) => n + c.callSites.length, 0);
  return section('components', 'AI components', `${components.length}, ${plural(calls, 'call site')}`, 'hubot', components.map(componentNode), 'no LLM SDK or provider API found');
}

function componentNode(c: Component): ThreatModelNode {
  return {
    id: `component:${c.id}`,
    kind: 'component',
    label: c.name,
    description: c.modelIds.length ? c.modelIds.join(', ') : c.modules.join(', '),
    tooltip: `${c.name} (${c.interface === 'sdk' ? c.modules.join(', ') : 'HTTP API'}): ${plural(c.callSites.length, 'call site')}${c.modelIds.length ? `; models ${c.modelIds.join(', ')}` : ''}`,
    icon: { id: c.interface === 'sdk' ? 'package' : 'globe' },
    children: c.callSites.map((s) => ({
      id: s.id,
      kind: 'call-site' as const,
      label: s.call,
      description: `${at(s.location)}${s.modelIds.length ? ` · ${s.modelIds.join(', ')}` : ''}${s.runsInBrowser ? ' · in the browser' : ''}`,
      tooltip: `${s.provider} ${s.kind} call at ${at(s.location)}; reached from ${plural(s.entryPoints.length, 'entry point')}`,
      icon: s.runsInBrowser ? { id: 'browser', color: 'list.warningForeground' } : { id: 'symbol-method' },
      location: toLocation(s.location),
    })),
  };
}

function dataFlowSection(model: ThreatModel): ThreatModelNode {
  const { promptInputs, retrieval, outputs } = model.dataFlows;
  const groups: ThreatModelNode[] = [
    flowGroup('prompt-inputs', 'Into prompts', promptInputs.map((f, i) => promptFlowNode('prompt-inputs', f, i))),
    flowGroup('retrieval', 'Retrieved content into prompts', retrieval.map((f, i) => promptFlowNode('retrieval', f, i))),
    flowGroup('outputs', 'Model output into sinks', outputs.map((f, i) => outputFlowNode(f, i))),
  ];
  const total = promptInputs.length + retrieval.length + outputs.length;
  return section('data-flows', 'Data flows', plural(total, 'flow'), 'arrow-swap', groups, 'no data flows');
}

function flowGroup(id: string, label: string, children: ThreatModelNode[]): ThreatModelNode {
  return { id: `flows:${id}`, kind: 'flow-group', label, description: `${children.length}`, icon: { id: 'list-flat' }, children: children.length ? children : [{ id: `flows:${id}:empty`, kind: 'note', label: 'none found' }] };
}

const ROLE: Record<PromptInputFlow['role'], string> = { instructions: 'instructions', user: 'user content', mixed: 'instructions mixed with data' };

function promptFlowNode(group: string, f: PromptInputFlow, index: number): ThreatModelNode {
  const flagged = f.threats.length > 0;
  return {
    id: `flows:${group}:${at(f.source)}:${at(f.sink)}:${index}`,
    kind: 'flow',
    label: `${f.sourceLabel} → ${f.sinkLabel}`,
    description: `${ROLE[f.role]} · ${at(f.sink)}`,
    tooltip: `${f.sourceKind} data from ${at(f.source)} reaches ${f.sinkLabel} (${ROLE[f.role]}) at ${at(f.sink)}${flagged ? `; ${plural(f.threats.length, 'finding')}` : ''}`,
    icon: flagged ? { id: 'warning', color: 'list.warningForeground' } : { id: 'arrow-right' },
    location: toLocation(f.sink),
  };
}

function outputFlowNode(f: OutputFlow, index: number): ThreatModelNode {
  return {
    id: `flows:outputs:${at(f.source)}:${at(f.sink)}:${index}`,
    kind: 'flow',
    label: `${f.sourceLabel} → ${f.sinkLabel}`,
    description: `${f.sinkKind}${f.validated ? ' · validated' : ''} · ${at(f.sink)}`,
    tooltip: `${f.sourceKind === 'tool-arguments' ? 'Model-chosen tool arguments' : 'Model output'} from ${at(f.source)} reaches ${f.sinkLabel} (${f.sinkKind}) at ${at(f.sink)}${f.validated ? ', validated' : ', not validated'}`,
    icon: f.validated ? { id: 'shield', color: 'testing.iconPassed' } : { id: 'warning', color: 'list.warningForeground' },
    location: toLocation(f.sink),
  };
}

function toolSection(tools: readonly Tool[]): ThreatModelNode {
  const risky = tools.filter((t) => t.dangerousCapabilities.length && !t.approvalRequired).length;
  return section('tools', 'Tools', `${tools.length}${risky ? `, ${risky} dangerous without approval` : ''}`, 'tools', tools.map(toolNode), 'no tools given to a model');
}

function toolNode(t: Tool): ThreatModelNode {
  const dangerous = t.dangerousCapabilities.length > 0;
  const caps = t.capabilities.length ? t.capabilities.join(', ') : 'read-only';
  return {
    id: t.id,
    kind: 'tool',
    label: t.name,
    description: `${caps}${t.approvalRequired ? ' · approval required' : ''}`,
    tooltip: `Tool ${t.name} at ${at(t.location)}: ${caps}; ${t.approvalRequired ? 'approval required' : 'no approval'}; arguments ${t.argumentsConfined ? 'confined' : 'not confined'}`,
    icon: dangerous && !t.approvalRequired ? { id: 'flame', color: 'list.errorForeground' } : { id: 'tools' },
    location: toLocation(t.location),
  };
}

function threatSection(categories: readonly ThreatCategory[], totals: ThreatModel['summary']['threats']): ThreatModelNode {
  const description = `${totals.open} open${totals.suppressed ? `, ${totals.suppressed} suppressed` : ''}`;
  return section('threats', 'Threats by OWASP category', description, 'shield', categories.filter((c) => c.count > 0).map(categoryNode), 'no threats found', true);
}

function categoryNode(c: ThreatCategory): ThreatModelNode {
  const id = c.owasp2025.replace(/:\d{4}$/, '');
  return {
    id: `category:${c.owasp2025}`,
    kind: 'category',
    label: `${id} ${c.name}`,
    description: `${c.count}${c.suppressed ? ` (${c.suppressed} suppressed)` : ''}`,
    tooltip: `${c.owasp2025} / ${c.owasp2026} ${c.name}: ${plural(c.open, 'open threat')}${c.suppressed ? `, ${c.suppressed} suppressed` : ''}`,
    icon: { id: 'shield' },
    children: c.threats.map((t) => threatNode(t, c.owasp2025)),
  };
}

/** A threat leaf; `category` keeps ids unique when a rule maps to several categories (it is listed in each). */
function threatNode(t: Threat, category: string): ThreatModelNode {
  const suppressed = t.mitigation.status === 'suppressed';
  return {
    id: `threat:${category}:${t.id}`,
    kind: 'threat',
    label: t.rule,
    description: `${at(t.location)}${suppressed ? ' · suppressed' : ''}`,
    tooltip: `${t.ruleId} (${t.severity}, ${t.confidence} confidence): ${t.message}${suppressed ? `\nSuppressed: ${t.mitigation.justification ?? ''}` : ''}`,
    icon: suppressed ? { id: 'mute' } : SEVERITY_ICON[t.severity],
    location: toLocation(t.location),
    ruleId: t.ruleId,
    fingerprint: t.id,
  };
}

/** True when the model shows no LLM code at all: the sidebar then shows its welcome text instead of a tree. */
export function isEmptyModel(model: ThreatModel): boolean {
  return model.components.length === 0 && model.summary.threats.total === 0 && model.tools.length === 0;
}
