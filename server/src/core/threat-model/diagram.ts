// The data-flow diagram of a threat model, as a graph both renderers draw (Mermaid for Markdown, SVG for
// HTML): entry points and data sources → prompts → models → sinks and tools, with trust boundaries as zones.
import type { CallSite, ThreatModel, TmLocation } from './types';

export type Zone = 'untrusted' | 'sensitive' | 'app' | 'browser' | 'provider';
export type NodeKind = 'entry' | 'source' | 'prompt' | 'model' | 'tool' | 'sink';

/** Trust boundaries, in the order they are stacked top to bottom where they share columns. */
export const ZONES: { id: Zone; title: string }[] = [
  { id: 'untrusted', title: 'Untrusted input' },
  { id: 'sensitive', title: 'Sensitive data' },
  { id: 'provider', title: 'Model providers' },
  { id: 'app', title: 'Application server' },
  { id: 'browser', title: 'Browser (client code)' },
];

export interface DiagramNode {
  id: string;
  kind: NodeKind;
  zone: Zone;
  /** The first line is the title; the others are details. */
  lines: string[];
  /** Where it is, for tooltips. */
  where?: string;
  risk: boolean;
}

export interface DiagramEdge {
  from: string;
  to: string;
  label?: string;
  risk: boolean;
  /** Linked by inference (an import), not by an observed flow. */
  inferred: boolean;
}

export interface Diagram {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
}

const at = (l: TmLocation) => `${l.file}:${l.line}`;
const short = (s: string, max = 48) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
const ROLE = { instructions: 'instructions', user: 'user content', mixed: 'mixed prompt' } as const;
const BROWSER_SINKS = new Set(['html', 'redirect']);

export function buildDiagram(model: ThreatModel): Diagram {
  const nodes = new Map<string, DiagramNode>();
  const edges = new Map<string, DiagramEdge>();
  let counter = 0;
  const ids = new Map<string, string>();
  const nodeId = (key: string) => {
    let id = ids.get(key);
    if (!id) ids.set(key, (id = `n${++counter}`));
    return id;
  };
  const node = (key: string, n: Omit<DiagramNode, 'id'>): string => {
    const id = nodeId(key);
    const existing = nodes.get(id);
    if (existing) existing.risk ||= n.risk;
    else nodes.set(id, { id, ...n });
    return id;
  };
  const edge = (from: string, to: string, label: string | undefined, risk: boolean, inferred = false) => {
    const key = `${from}>${to}`;
    const e = edges.get(key);
    if (!e) {
      edges.set(key, { from, to, label, risk, inferred });
      return;
    }
    if (label && !(e.label ?? '').split(', ').includes(label)) e.label = e.label ? `${e.label}, ${label}` : label;
    e.risk ||= risk;
    e.inferred &&= inferred;
  };

  const sites = new Map<string, CallSite>(model.components.flatMap((c) => c.callSites.map((s) => [s.id, s] as const)));

  // Entry points.
  for (const e of model.entryPoints) {
    const guard = `${e.authenticated ? 'authenticated' : 'no auth'} · ${e.rateLimited ? 'rate limited' : 'no rate limit'}`;
    node(e.id, { kind: 'entry', zone: 'untrusted', lines: [e.name, guard], where: at(e.location), risk: !e.authenticated || !e.rateLimited });
  }
  // Prompts and models, one prompt node per call site.
  const modelNodes = new Map<string, string[]>();
  for (const c of model.components) {
    for (const s of c.callSites) {
      const prompt = node(s.id, { kind: 'prompt', zone: s.runsInBrowser ? 'browser' : 'app', lines: [`${s.kind === 'embedding' ? 'embedding input' : 'prompt'}: ${short(s.call, 40)}`, at(s.location)], where: at(s.location), risk: false });
      const ids = (s.modelIds.length ? s.modelIds : ['model not resolved']).map((m) =>
        node(`model:${s.provider}:${m}`, { kind: 'model', zone: 'provider', lines: [m, s.provider], risk: false }),
      );
      modelNodes.set(s.id, ids);
      for (const m of ids) edge(prompt, m, undefined, false);
    }
  }
  for (const e of model.entryPoints) for (const l of e.calls) if (l.via !== 'data-flow') edge(nodeId(e.id), nodeId(l.call), l.via === 'import' ? 'calls (inferred)' : undefined, false, l.via === 'import');

  // Data into prompts.
  const open = new Set(model.threats.flatMap((c) => c.threats).filter((t) => t.mitigation.status === 'open').map((t) => t.id));
  for (const f of [...model.dataFlows.promptInputs, ...model.dataFlows.retrieval]) {
    const risky = f.sourceKind !== 'untrusted' || f.role !== 'user' || f.threats.some((t) => open.has(t));
    const target = f.call ? nodeId(f.call) : node(`slot:${at(f.sink)}`, { kind: 'prompt', zone: 'app', lines: [`prompt slot: ${short(f.sinkLabel, 40)}`, at(f.sink)], where: at(f.sink), risk: false });
    const label = ROLE[f.role];
    if (f.sourceKind === 'untrusted' && f.entryPoints.length > 0) {
      for (const e of f.entryPoints) edge(nodeId(e), target, label, risky);
      continue;
    }
    const zone = f.sourceKind === 'secret' || f.sourceKind === 'pii' ? 'sensitive' : 'untrusted';
    const kindName = { untrusted: 'untrusted input', retrieved: 'retrieved content', secret: 'secret', pii: 'personal data' }[f.sourceKind];
    const source = node(`source:${f.sourceKind}:${at(f.source)}:${f.source.column}`, { kind: 'source', zone, lines: [short(f.sourceLabel.replace(/ \([^()]*\)$/, '')), kindName, at(f.source)], where: at(f.source), risk: f.sourceKind !== 'untrusted' });
    edge(source, target, label, risky);
  }
  for (const n of nodes.values()) if (n.kind === 'prompt') n.risk = [...edges.values()].some((e) => e.to === n.id && e.risk);

  // Tools, given to the model by the calls of their module.
  for (const t of model.tools) {
    const risky = t.dangerousCapabilities.length > 0 && !t.approvalRequired && !t.argumentsConfined;
    const caps = t.capabilities.length ? t.capabilities.join(', ') : 'no side effects seen';
    const id = node(t.id, { kind: 'tool', zone: 'app', lines: [`tool ${t.name}`, `${caps}${t.approvalRequired ? ' · approval' : ''}`], where: at(t.location), risk: risky });
    for (const c of t.calls) for (const m of modelNodes.get(c) ?? []) edge(m, id, undefined, risky);
  }

  // Data out of the model.
  for (const f of model.dataFlows.outputs) {
    const zone = BROWSER_SINKS.has(f.sinkKind) ? 'browser' : 'app';
    const sink = node(`sink:${at(f.sink)}:${f.sink.column}`, { kind: 'sink', zone, lines: [short(f.sinkLabel), at(f.sink)], where: at(f.sink), risk: !f.validated });
    const label = f.validated ? 'validated' : 'unvalidated';
    if (f.tool) {
      edge(nodeId(f.tool), sink, label, !f.validated);
    } else if (f.call && sites.has(f.call)) {
      for (const m of modelNodes.get(f.call) ?? []) edge(m, sink, label, !f.validated);
    } else {
      const origin = node(`output:${at(f.source)}:${f.source.column}`, { kind: 'model', zone, lines: [short(f.sourceLabel, 40), 'model output', at(f.source)], where: at(f.source), risk: false });
      edge(origin, sink, label, !f.validated);
    }
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()].filter((e) => nodes.has(e.from) && nodes.has(e.to)) };
}
