// From a scan's findings and inventory (plus a read-only look at the workspace's other files) to the threat
// model. The inventory says what the analysis saw; where it does not link two things (which entry point
// reaches which call, which call gives a model which tools), the links are derived here from locations — a
// flow's source inside a handler, a prompt slot inside a call — and marked when they are only inferred.
import * as fs from 'fs';
import * as path from 'path';
import { version } from '../../../../package.json';
import { loadRuleMetas } from '../rules';
import { RULE_IDS, type Finding, type Inventory, type LlmCallSite, type Location, type ScanResult } from '../types';
import { buildChecklist } from './checklist';
import { clip, importsOf, searchWorkspace, type EvidenceLimits } from './evidence';
import { OWASP_2025_NAMES, providerOf } from './providers';
import { loadEvidenceVocabulary, type EvidenceVocabulary } from './vocabulary';
import {
  THREAT_MODEL_SCHEMA_VERSION,
  type CallSite,
  type ChecklistStatus,
  type Component,
  type EntryPoint,
  type OutputFlow,
  type PromptInputFlow,
  type Threat,
  type ThreatCategory,
  type ThreatModel,
  type TmLocation,
  type Tool,
} from './types';

/** A finding as the front-ends report it: possibly suppressed by a `promptward-ignore` comment with a reason. */
export type ThreatModelFinding = Omit<Finding, 'ruleId'> & { ruleId: string; suppressed?: { justification: string } };

export interface ThreatModelOptions {
  /** The findings after the workspace configuration and suppression comments (default: the scan's own). */
  findings?: readonly ThreatModelFinding[];
  vocabulary?: EvidenceVocabulary;
  limits?: Partial<EvidenceLimits>;
}

const DANGEROUS = ['code execution', 'shell', 'file write', 'network', 'database'];
const RULES: readonly string[] = RULE_IDS;

interface Ranged {
  location: Location;
}

const inside = (l: Location, outer: Location): boolean => l.file === outer.file && l.startOffset >= outer.startOffset && l.endOffset <= outer.endOffset;
const startsIn = (l: Location, outer: Location): boolean => l.file === outer.file && l.startOffset >= outer.startOffset && l.startOffset < Math.max(outer.endOffset, outer.startOffset + 1);
const sameStart = (a: Location, b: Location): boolean => a.file === b.file && a.startOffset === b.startOffset;

/** The innermost of `xs` whose range holds `l`. */
function innermost<T extends Ranged>(xs: readonly T[], l: Location): T | undefined {
  let best: T | undefined;
  for (const x of xs) if (inside(l, x.location) && (!best || x.location.endOffset - x.location.startOffset < best.location.endOffset - best.location.startOffset)) best = x;
  return best;
}

export function buildThreatModel(result: ScanResult, root: string, options: ThreatModelOptions = {}): ThreatModel {
  const inventory: Inventory = result.inventory ?? { calls: [], entryPoints: [], promptFlows: [], outputFlows: [], tools: [] };
  const rel = (file: string): string => path.relative(root, file).split(path.sep).join('/') || path.basename(file);
  const loc = (l: Location): TmLocation => ({ file: rel(l.file), line: l.start.line, column: l.start.column, endLine: l.end.line, endColumn: l.end.column });
  const idOf = (prefix: string, l: Location): string => `${prefix}:${rel(l.file)}:${l.start.line}:${l.start.column}`;
  const texts = new Map<string, string | undefined>();
  const textOf = (file: string): string | undefined => {
    if (!texts.has(file)) {
      try {
        texts.set(file, fs.readFileSync(file, 'utf8'));
      } catch {
        texts.set(file, undefined);
      }
    }
    return texts.get(file);
  };

  // Threats: the findings of the ten rules (not the suppression meta rules), each once.
  const metas = new Map(loadRuleMetas().map((m) => [m.id as string, m]));
  const findings = (options.findings ?? result.findings).filter((f) => RULES.includes(f.ruleId));
  const threatIds = new Map<ThreatModelFinding, string>();
  const usedIds = new Set<string>();
  for (const f of findings) {
    let id = f.fingerprint;
    for (let n = 2; usedIds.has(id); n++) id = `${f.fingerprint}-${n}`;
    usedIds.add(id);
    threatIds.set(f, id);
  }
  const threatsWhere = (rules: readonly string[], test: (f: ThreatModelFinding) => boolean): ThreatModelFinding[] => findings.filter((f) => rules.includes(f.ruleId) && test(f));
  const ids = (list: ThreatModelFinding[]): string[] => list.map((f) => threatIds.get(f)!);

  // Call sites and components.
  const browserFiles = new Set(findings.filter((f) => f.ruleId === 'browser-exposed-llm-key').map((f) => f.location.file));
  const runsInBrowser = (file: string): boolean => {
    if (browserFiles.has(file)) return true;
    const text = textOf(file) ?? '';
    return /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*['"]use client['"]/.test(text) || /dangerouslyAllowBrowser\s*:\s*true/.test(text);
  };
  const calls = inventory.calls.map((c) => ({ raw: c, id: idOf('call', c.location), location: c.location }));

  // Entry points that reach a model, and the calls they reach. Where the inventory locates an entry point at a
  // name only (a Next.js `export async function POST`), its handler is taken to run to the next entry point of
  // the file, or to the end of the file.
  const entries = inventory.entryPoints
    .filter((e) => e.reachesLlm)
    .map((e) => {
      const text = textOf(e.location.file);
      if (text === undefined || /[({]/.test(text.slice(e.location.startOffset, e.location.endOffset))) return { ...e, handler: e.location };
      const next = inventory.entryPoints.filter((o) => o.location.file === e.location.file && o.location.startOffset > e.location.startOffset).map((o) => o.location.startOffset);
      const end = Math.min(text.length, ...next);
      return { ...e, handler: { ...e.location, endOffset: end } };
    });
  const llmModules = new Set(inventory.calls.map((c) => c.location.file));
  const entryLinks = new Map<string, { call: string; via: 'in-handler' | 'data-flow' | 'import' }[]>();
  for (const e of entries) {
    const id = idOf('entry', e.location);
    const links: { call: string; via: 'in-handler' | 'data-flow' | 'import' }[] = [];
    const add = (call: string, via: 'in-handler' | 'data-flow' | 'import') => {
      if (!links.some((l) => l.call === call)) links.push({ call, via });
    };
    for (const c of calls) if (inside(c.location, e.handler)) add(c.id, 'in-handler');
    for (const f of inventory.promptFlows) {
      if (!startsIn(f.source, e.handler)) continue;
      const call = innermost(calls, f.sink);
      if (call) add(call.id, 'data-flow');
    }
    if (links.length === 0) for (const c of importedCalls(e.handler, calls, llmModules, textOf)) add(c, 'import');
    entryLinks.set(id, links);
  }
  const callEntries = new Map<string, string[]>();
  for (const [entry, links] of entryLinks) for (const l of links) callEntries.set(l.call, [...(callEntries.get(l.call) ?? []), entry]);

  const callSites: CallSite[] = calls.map((c) => ({
    id: c.id,
    call: c.raw.call,
    kind: c.raw.kind,
    provider: providerOf(c.raw),
    modelIds: [...c.raw.modelIds],
    location: loc(c.location),
    runsInBrowser: runsInBrowser(c.location.file),
    entryPoints: callEntries.get(c.id) ?? [],
  }));
  const components = groupComponents(inventory.calls, callSites);

  const entryPoints: EntryPoint[] = entries.map((e) => {
    const id = idOf('entry', e.location);
    return {
      id,
      kind: e.kind,
      framework: e.framework,
      ...(e.method !== undefined ? { method: e.method } : {}),
      ...(e.path !== undefined ? { path: e.path } : {}),
      // "POST handler" at app/api/summarize/route.ts reads better as "POST /api/summarize".
      name: e.method && e.path && !e.name.includes(e.path) ? `${e.method} ${e.path}` : e.path && !e.name.includes(e.path) ? `${e.name} ${e.path}` : e.name,
      location: loc(e.location),
      authenticated: e.authenticated,
      rateLimited: e.rateLimited,
      calls: entryLinks.get(id) ?? [],
      threats: ids(threatsWhere(['unauthenticated-llm-endpoint', 'missing-rate-limit'], (f) => sameStart(f.location, e.location) || inside(f.location, e.location))),
    };
  });

  // Data into prompts.
  const entryIdsHolding = (l: Location) => entries.filter((e) => startsIn(l, e.handler)).map((e) => idOf('entry', e.location));
  const promptFlows: PromptInputFlow[] = inventory.promptFlows
    .filter((f): f is typeof f & { sourceKind: PromptInputFlow['sourceKind'] } => ['untrusted', 'retrieved', 'secret', 'pii'].includes(f.sourceKind))
    .map((f) => {
      const rules = f.sourceKind === 'secret' || f.sourceKind === 'pii' ? ['secret-in-prompt'] : ['prompt-injection'];
      const call = innermost(calls, f.sink);
      return {
        sourceKind: f.sourceKind,
        sourceLabel: f.sourceLabel,
        source: loc(f.source),
        role: f.role,
        sinkLabel: f.sinkLabel,
        sink: loc(f.sink),
        ...(call ? { call: call.id } : {}),
        entryPoints: entryIdsHolding(f.source),
        threats: ids(threatsWhere(rules, (t) => startsIn(t.location, f.sink) || (t.path.length > 0 && sameStart(t.path[t.path.length - 1]!.location, f.sink)))),
      };
    });

  // Tools.
  const toolRanges = inventory.tools.map((t) => ({ raw: t, id: idOf('tool', t.location), location: t.location }));
  const tools: Tool[] = toolRanges.map((t) => {
    const linked = threatsWhere(['excessive-agency'], (f) => startsIn(f.location, t.location) || (f.path.length > 0 && startsIn(f.path[0]!.location, t.location)));
    return {
      id: t.id,
      name: t.raw.name,
      location: loc(t.location),
      capabilities: [...t.raw.capabilities].sort(),
      dangerousCapabilities: t.raw.capabilities.filter((c) => DANGEROUS.includes(c)).sort(),
      approvalRequired: t.raw.approvalRequired,
      argumentsConfined: linked.length === 0,
      calls: calls.filter((c) => c.location.file === t.location.file && (c.raw.kind === 'prompt' || c.raw.kind === 'agent')).map((c) => c.id),
      threats: ids(linked),
    };
  });

  // Data out of the model.
  const outputs: OutputFlow[] = inventory.outputFlows.map((f) => {
    const call = calls.find((c) => sameStart(c.location, f.source)) ?? innermost(calls, f.source);
    const tool = f.sourceKind === 'tool-args' ? toolRanges.find((t) => startsIn(f.source, t.location)) : undefined;
    const rules = f.sourceKind === 'tool-args' ? ['excessive-agency', 'unvalidated-llm-output'] : ['unvalidated-llm-output'];
    const sourceLabel = tool ? `arguments of tool "${tool.raw.name}"` : calleeText(textOf(f.source.file), f.source) ?? (f.sourceKind === 'tool-args' ? 'tool arguments' : 'model output');
    return {
      sourceKind: f.sourceKind === 'tool-args' ? 'tool-arguments' : 'model-output',
      sourceLabel,
      source: loc(f.source),
      ...(call && f.sourceKind !== 'tool-args' ? { call: call.id } : {}),
      ...(tool ? { tool: tool.id } : {}),
      sinkKind: f.sinkKind,
      sinkLabel: f.sinkLabel,
      sink: loc(f.sink),
      validated: f.validated,
      threats: f.validated ? [] : ids(threatsWhere(rules, (t) => startsIn(t.location, f.sink) || (t.path.length > 0 && sameStart(t.path[0]!.location, f.source)))),
    };
  });

  // Threats by OWASP category.
  const threats = groupThreats(findings, threatIds, metas, loc);

  // The workspace's other evidence, and the checklist.
  const promptModules = new Set<string>([...llmModules]);
  for (const f of inventory.promptFlows) {
    promptModules.add(f.source.file);
    promptModules.add(f.sink.file);
  }
  const evidence = searchWorkspace({ root, vocabulary: options.vocabulary ?? loadEvidenceVocabulary(), llmModules, promptModules, limits: options.limits });

  const partial: Omit<ThreatModel, 'checklist' | 'summary'> = {
    schemaVersion: THREAT_MODEL_SCHEMA_VERSION,
    generator: { name: 'promptward', version },
    workspace: {
      name: path.basename(root),
      filesScanned: result.stats.filesScanned,
      filesAnalysed: result.stats.filesAnalysed,
      filesSkipped: result.stats.filesSkipped,
      evidenceSearch: { ...evidence.stats },
    },
    components,
    entryPoints,
    dataFlows: {
      promptInputs: promptFlows.filter((f) => f.sourceKind !== 'retrieved'),
      retrieval: promptFlows.filter((f) => f.sourceKind === 'retrieved'),
      outputs,
    },
    tools,
    threats,
  };
  const checklist = buildChecklist(partial, evidence, { llmModules: [...llmModules].map(rel).sort(), browserKeyThreats: findings.filter((f) => f.ruleId === 'browser-exposed-llm-key'), loc });
  const all = threats.flatMap((c) => c.threats);
  const unique = new Map(all.map((t) => [t.id, t]));
  const counts = (status: ChecklistStatus) => checklist.filter((c) => c.status === status).length;
  return {
    ...partial,
    summary: {
      components: components.length,
      callSites: callSites.length,
      modelIds: [...new Set(callSites.flatMap((c) => c.modelIds))].sort(),
      providers: [...new Set(callSites.map((c) => c.provider))].sort(),
      entryPoints: entryPoints.length,
      unauthenticatedEntryPoints: entryPoints.filter((e) => !e.authenticated).length,
      entryPointsWithoutRateLimit: entryPoints.filter((e) => !e.rateLimited).length,
      promptInputs: partial.dataFlows.promptInputs.length,
      sensitivePromptInputs: partial.dataFlows.promptInputs.filter((f) => f.sourceKind === 'secret' || f.sourceKind === 'pii').length,
      retrievalFlows: partial.dataFlows.retrieval.length,
      outputFlows: outputs.length,
      unvalidatedOutputFlows: outputs.filter((f) => !f.validated).length,
      tools: tools.length,
      unconfinedTools: tools.filter((t) => !t.argumentsConfined && !t.approvalRequired).length,
      threats: {
        total: unique.size,
        open: [...unique.values()].filter((t) => t.mitigation.status === 'open').length,
        suppressed: [...unique.values()].filter((t) => t.mitigation.status === 'suppressed').length,
        error: [...unique.values()].filter((t) => t.severity === 'error').length,
        warning: [...unique.values()].filter((t) => t.severity === 'warning').length,
        info: [...unique.values()].filter((t) => t.severity === 'info').length,
      },
      checklist: { met: counts('met'), 'partly-met': counts('partly-met'), 'not-met': counts('not-met'), unknown: counts('unknown') },
    },
    checklist,
  };
}

/** `sqlModel.chat.completions.create()` from the text of a call expression; undefined if it is not one. */
function calleeText(text: string | undefined, l: Location): string | undefined {
  if (text === undefined) return undefined;
  const src = text.slice(l.startOffset, l.endOffset);
  const m = /^(?:await\s+)?([\w$.]+(?:\([^()]*\))?(?:\.[\w$]+)*)\s*(?:<[^>]*>)?\s*\(/.exec(src);
  return m ? `${m[1]}()` : clip(src, 60) || undefined;
}

/**
 * Calls reached through an import: the handler calls a function imported (by a relative path) from a module
 * that calls a model. Inferred, so only used when nothing links the entry point to a call directly.
 */
function importedCalls(entry: Location, calls: readonly { id: string; location: Location }[], llmModules: ReadonlySet<string>, textOf: (f: string) => string | undefined): string[] {
  const text = textOf(entry.file);
  if (text === undefined) return [];
  const handler = text.slice(entry.startOffset, entry.endOffset);
  const out: string[] = [];
  for (const imp of importsOf(text)) {
    if (!imp.spec.startsWith('.')) continue;
    if (!imp.names.some((n) => new RegExp(`(?<![\\w$.])${n.replace(/\$/g, '\\$')}\\s*\\(`).test(handler))) continue;
    const target = resolveRelative(path.dirname(entry.file), imp.spec, llmModules);
    if (target) for (const c of calls) if (c.location.file === target) out.push(c.id);
  }
  return out;
}

function resolveRelative(dir: string, spec: string, known: ReadonlySet<string>): string | undefined {
  const base = path.resolve(dir, spec);
  const stem = base.replace(/\.[cm]?js$/, '');
  for (const ext of ['', '.ts', '.tsx', '.js', '.jsx', '.mts', '.mjs', '.cts', '.cjs']) for (const candidate of [stem + ext, path.join(base, `index${ext}`)]) if (known.has(candidate)) return candidate;
  return undefined;
}

function groupComponents(raw: readonly LlmCallSite[], sites: readonly CallSite[]): Component[] {
  const groups = new Map<string, Component>();
  raw.forEach((c, i) => {
    const http = c.kind === 'raw-http';
    const key = `${c.sdk}${http ? ' (HTTP API)' : ''}`;
    let g = groups.get(key);
    if (!g) {
      g = { id: key.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''), name: key, interface: http ? 'http' : 'sdk', modules: [], providers: [], modelIds: [], callSites: [] };
      groups.set(key, g);
    }
    const site = sites[i]!;
    if (!g.modules.includes(c.module)) g.modules.push(c.module);
    if (!g.providers.includes(site.provider)) g.providers.push(site.provider);
    for (const id of c.modelIds) if (!g.modelIds.includes(id)) g.modelIds.push(id);
    g.callSites.push(site);
  });
  return [...groups.values()]
    .map((g) => ({ ...g, modules: g.modules.sort(), providers: g.providers.sort(), modelIds: g.modelIds.sort() }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

function groupThreats(
  findings: readonly ThreatModelFinding[],
  threatIds: ReadonlyMap<ThreatModelFinding, string>,
  metas: ReadonlyMap<string, ReturnType<typeof loadRuleMetas>[number]>,
  loc: (l: Location) => TmLocation,
): ThreatCategory[] {
  const categories = new Map<string, ThreatCategory>();
  for (const f of findings) {
    const meta = metas.get(f.ruleId);
    if (!meta) continue;
    const threat: Threat = {
      id: threatIds.get(f)!,
      ruleId: f.ruleId,
      rule: meta.name,
      severity: f.severity,
      confidence: f.confidence,
      message: f.message,
      location: loc(f.location),
      cwe: [...meta.cwe],
      mitigation: f.suppressed ? { status: 'suppressed', justification: f.suppressed.justification } : { status: 'open' },
    };
    meta.owasp2025.forEach((id2025, i) => {
      const id2026 = meta.owasp2026[i] ?? meta.owasp2026[0] ?? '';
      let c = categories.get(id2025);
      if (!c) {
        c = { owasp2025: id2025, owasp2026: id2026, name: OWASP_2025_NAMES[id2025] ?? id2025, count: 0, open: 0, suppressed: 0, threats: [] };
        categories.set(id2025, c);
      }
      c.threats.push(threat);
      c.count++;
      if (threat.mitigation.status === 'open') c.open++;
      else c.suppressed++;
    });
  }
  for (const c of categories.values()) {
    c.threats.sort(
      (a, b) =>
        SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
        (a.location.file < b.location.file ? -1 : a.location.file > b.location.file ? 1 : 0) ||
        a.location.line - b.location.line ||
        a.location.column - b.location.column ||
        (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
    );
  }
  return [...categories.values()].sort((a, b) => (a.owasp2025 < b.owasp2025 ? -1 : a.owasp2025 > b.owasp2025 ? 1 : 0));
}
