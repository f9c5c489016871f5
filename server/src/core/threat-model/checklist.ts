// The six first steps of the security guidance, each judged from evidence: what the analysis found (flows,
// entry points, tools, findings and their suppressions) and what the workspace search found (configs, tests,
// imports, documents). "Met" is never claimed without evidence that supports it; when nothing can be seen
// either way the answer is "unknown".
import type { Location } from '../types';
import type { ThreatModelFinding } from './build';
import type { Seen, WorkspaceEvidence } from './evidence';
import type { ChecklistItem, ChecklistStatus, Evidence, ThreatModel, TmLocation } from './types';

type Partial = Omit<ThreatModel, 'checklist' | 'summary'>;

export interface ChecklistContext {
  /** Modules with an LLM call, relative to the root. */
  llmModules: string[];
  browserKeyThreats: readonly ThreatModelFinding[];
  loc: (l: Location) => TmLocation;
}

/** At most this many evidence lines of one kind are listed; the rest are counted in one line. */
const MAX_LISTED = 12;

const ROLE = { instructions: 'instructions', user: 'user content', mixed: 'instructions mixed with user content' } as const;
const at = (l: { file: string; line: number }) => `${l.file}:${l.line}`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function listed(kind: Evidence['kind'], items: readonly Evidence[], what: string): Evidence[] {
  if (items.length <= MAX_LISTED) return [...items];
  return [...items.slice(0, MAX_LISTED), { kind, text: `and ${items.length - MAX_LISTED} more ${what}` }];
}

function seen(kind: Evidence['kind'], s: Seen, text: string): Evidence {
  return { kind, text, file: s.file, line: s.line };
}

export function buildChecklist(model: Partial, ev: WorkspaceEvidence, ctx: ChecklistContext): ChecklistItem[] {
  const threats = new Map(model.threats.flatMap((c) => c.threats).map((t) => [t.id, t]));
  const callSites = model.components.reduce((n, c) => n + c.callSites.length, 0);
  const noCalls = (): Pick<ChecklistItem, 'status' | 'summary' | 'evidence'> => ({
    status: 'unknown',
    summary: 'No LLM call site was found, so there is nothing to judge this step against.',
    evidence: [{ kind: 'searched', text: `${plural(model.workspace.filesAnalysed, 'file')} analysed; no call to a model SDK or provider API recognised` }],
  });
  const truncated = ev.stats.truncated;
  const truncatedNote: Evidence = { kind: 'searched', text: 'the workspace search stopped at its size bounds, so files it did not read may hold evidence' };

  const sensitive = model.dataFlows.promptInputs.filter((f) => f.sourceKind === 'secret' || f.sourceKind === 'pii');
  const accepted = (threatIds: string[]) => threatIds.length > 0 && threatIds.every((id) => threats.get(id)?.mitigation.status === 'suppressed');
  const justification = (threatIds: string[]) => [...new Set(threatIds.map((id) => threats.get(id)?.mitigation.justification).filter(Boolean))].join('; ');
  const redaction = ev.redaction.seen;
  const redactionEvidence = listed(
    'found',
    redaction.map((r) => seen('found', r, `${r.text} in ${r.inLlmModule ? 'a module that calls the model' : 'a module that feeds a prompt'}`)),
    'redaction calls',
  );
  const flowText = (f: (typeof sensitive)[number]) => `${f.sourceLabel} → ${f.sinkLabel} (${ROLE[f.role]}${at(f.sink) === at(f.source) ? '' : `, ${at(f.sink)}`})`;

  // (1) Sensitive data mapped.
  const step1 = ((): Pick<ChecklistItem, 'status' | 'summary' | 'evidence'> => {
    if (callSites === 0) return noCalls();
    const handled = sensitive.filter((f) => accepted(f.threats));
    const open = sensitive.filter((f) => !accepted(f.threats));
    const evidence = [
      ...listed('found', handled.map((f) => ({ kind: 'found' as const, text: `${flowText(f)}: accepted — ${justification(f.threats)}`, file: f.source.file, line: f.source.line })), 'accepted flows'),
      ...listed('gap', open.map((f) => ({ kind: 'gap' as const, text: `${flowText(f)}: no redaction, no recorded decision`, file: f.source.file, line: f.source.line })), 'flows'),
      ...redactionEvidence,
    ];
    if (sensitive.length > 0) {
      if (open.length === 0) return { status: 'met', summary: `${sensitive.length === 1 ? 'The one flow' : `All ${sensitive.length} flows`} of secrets or personal data into prompts ${sensitive.length === 1 ? 'is' : 'are'} mapped here, each with a recorded decision (a promptward-ignore comment with a reason).`, evidence };
      const status: ChecklistStatus = handled.length > 0 || redaction.length > 0 ? 'partly-met' : 'not-met';
      return { status, summary: `${plural(open.length, 'flow')} of secrets or personal data ${open.length === 1 ? 'reaches' : 'reach'} a prompt with neither redaction nor a recorded decision.`, evidence };
    }
    if (redaction.length > 0) return { status: 'met', summary: 'No secret or personal data reaches a prompt unredacted, and redaction is applied where prompts are built.', evidence };
    return {
      status: 'unknown',
      summary: `The analysis saw no secret or personal data reaching a prompt in ${plural(callSites, 'call site')}; that alone does not show the data was mapped.`,
      evidence: [{ kind: 'searched', text: `${plural(callSites, 'LLM call site')} and ${plural(model.dataFlows.promptInputs.length, 'flow')} into prompts analysed; no secret or personal data among them, and no redaction call seen` }],
    };
  })();

  // (2) Least privilege and strong authentication on model endpoints.
  const step2 = ((): Pick<ChecklistItem, 'status' | 'summary' | 'evidence'> => {
    if (callSites === 0) return noCalls();
    const evidence: Evidence[] = [];
    let pass = 0;
    let fail = 0;
    const acceptedRule = (ids: string[], rule: string) => ids.map((id) => threats.get(id)).find((t) => t?.ruleId === rule && t.mitigation.status === 'suppressed');
    for (const e of model.entryPoints) {
      const authAccepted = acceptedRule(e.threats, 'unauthenticated-llm-endpoint');
      const rateAccepted = acceptedRule(e.threats, 'missing-rate-limit');
      const auth = e.authenticated ? 'authenticated' : authAccepted ? `no authentication recognised, accepted — ${authAccepted.mitigation.justification}` : 'not authenticated';
      const rate = e.rateLimited ? 'rate limited' : rateAccepted ? `no rate limit recognised, accepted — ${rateAccepted.mitigation.justification}` : 'no rate limit';
      const ok = (e.authenticated || !!authAccepted) && (e.rateLimited || !!rateAccepted);
      if (ok) pass++;
      else fail++;
      evidence.push({ kind: ok ? 'found' : 'gap', text: `${e.name}: ${auth}, ${rate}`, file: e.location.file, line: e.location.line });
    }
    const neutral: Evidence[] = [];
    for (const t of model.tools) {
      // A tool with no dangerous capability recognised is no evidence either way: its code may do what the
      // analysis cannot see. Only a dangerous tool's approval step or confined arguments count as a pass.
      if (t.dangerousCapabilities.length === 0) {
        neutral.push({ kind: 'searched', text: `tool "${t.name}": ${t.capabilities.length ? t.capabilities.join(', ') : 'no side effects recognised'}, no dangerous capability recognised`, file: t.location.file, line: t.location.line });
        continue;
      }
      const ok = t.approvalRequired || t.argumentsConfined || accepted(t.threats);
      if (ok) pass++;
      else fail++;
      const caps = t.capabilities.length ? t.capabilities.join(', ') : 'no side effects recognised';
      const why = t.dangerousCapabilities.length === 0 ? '' : t.approvalRequired ? ', approval required' : t.argumentsConfined ? ', no approval step but model-chosen arguments are confined' : accepted(t.threats) ? `, accepted — ${justification(t.threats)}` : ', no approval step and model-chosen arguments reach it unchecked';
      evidence.push({ kind: ok ? 'found' : 'gap', text: `tool "${t.name}": ${caps}${why}`, file: t.location.file, line: t.location.line });
    }
    for (const f of ctx.browserKeyThreats) {
      if (f.suppressed) continue;
      fail++;
      const l = ctx.loc(f.location);
      evidence.push({ kind: 'gap', text: 'a provider API key is shipped to the browser, so anyone can call the model with it', file: l.file, line: l.line });
    }
    const shown = [...listed('gap', evidence.filter((e) => e.kind === 'gap'), 'gaps'), ...listed('found', evidence.filter((e) => e.kind === 'found'), 'checks passed'), ...listed('searched', neutral, 'tools')];
    if (pass + fail === 0) {
      return {
        status: 'unknown',
        summary: `${plural(callSites, 'LLM call site')} but no HTTP entry point, server action or tool with a dangerous capability in front of them was recognised.`,
        evidence: [{ kind: 'searched', text: 'entry points (Express, Fastify, Koa, Hono, Next.js, http.createServer) and model-callable tools' }, ...listed('searched', neutral, 'tools')],
      };
    }
    if (fail === 0) return { status: 'met', summary: `Every LLM entry point is authenticated and rate limited, and no tool has an unconfined dangerous capability (${plural(pass, 'check')}).`, evidence: shown };
    return {
      status: pass === 0 ? 'not-met' : 'partly-met',
      summary: `${fail} of ${plural(pass + fail, 'check')} on LLM entry points, tools and keys failed.`,
      evidence: shown,
    };
  })();

  // (3) Anonymisation or redaction before sensitive data reaches a model.
  const step3 = ((): Pick<ChecklistItem, 'status' | 'summary' | 'evidence'> => {
    if (callSites === 0) return noCalls();
    const gaps = listed('gap', sensitive.map((f) => ({ kind: 'gap' as const, text: `${flowText(f)}: unredacted${accepted(f.threats) ? ` (accepted — ${justification(f.threats)})` : ''}`, file: f.source.file, line: f.source.line })), 'flows');
    if (sensitive.length > 0) {
      return {
        status: redaction.length > 0 ? 'partly-met' : 'not-met',
        summary: `${plural(sensitive.length, 'flow')} of secrets or personal data ${sensitive.length === 1 ? 'reaches' : 'reach'} a model unredacted${redaction.length > 0 ? ', though redaction is applied elsewhere' : ''}.`,
        evidence: [...gaps, ...redactionEvidence],
      };
    }
    if (redaction.length > 0) return { status: 'met', summary: 'Redaction is applied where prompts are built, and no secret or personal data reaches a model unredacted.', evidence: redactionEvidence };
    return {
      status: 'unknown',
      summary: 'No secret or personal data was seen reaching a model, and no redaction call was seen: nothing shows either way.',
      evidence: [{ kind: 'searched', text: `redaction calls and libraries in ${plural(ctx.llmModules.length, 'module')} that call a model and the modules that feed their prompts` }],
    };
  })();

  // (4) Adversarial and red-team tests.
  const step4 = ((): Pick<ChecklistItem, 'status' | 'summary' | 'evidence'> => {
    const rt = ev.redTeam;
    const adversarial = rt.configs.filter((c) => c.adversarial);
    const evals = rt.configs.filter((c) => !c.adversarial);
    const found = [
      ...adversarial.map((c) => seen('found', c, `${c.tool} red-team config: ${c.text}`)),
      ...listed('found', rt.tests.map((t) => seen('found', t, `adversarial test case: ${t.text}`)), 'test files'),
      ...rt.commands.map((c) => seen('found', c, `red-team run: ${c.text}`)),
    ];
    if (found.length > 0) return { status: 'met', summary: 'Adversarial tests are present: red-team configs, prompt-injection or jailbreak test cases, or red-team runs.', evidence: found };
    if (evals.length > 0) return { status: 'partly-met', summary: 'An LLM evaluation config is present, but it has no red-team section or adversarial test case.', evidence: evals.map((c) => ({ kind: 'gap' as const, text: `${c.tool} config without red-team content`, file: c.file, line: 1 })) };
    const searched: Evidence = { kind: 'searched', text: `promptfoo, garak and PyRIT configs, npm scripts and CI workflows, and ${plural(rt.testFilesSearched, 'test file')} for prompt-injection and jailbreak cases` };
    if (truncated) return { status: 'unknown', summary: 'No adversarial test was found in the part of the workspace that was searched.', evidence: [searched, truncatedNote] };
    return { status: 'not-met', summary: 'No red-team config and no prompt-injection or jailbreak test case was found.', evidence: [searched] };
  })();

  // (5) Logging and anomaly detection around LLM calls.
  const step5 = ((): Pick<ChecklistItem, 'status' | 'summary' | 'evidence'> => {
    if (callSites === 0) return noCalls();
    const o = ev.observability;
    const global = o.imports.filter((i) => i.global);
    const local = o.imports.filter((i) => i.inLlmModule && !i.global);
    const covered = new Set(local.map((i) => i.file));
    const uncovered = ctx.llmModules.filter((m) => !covered.has(m));
    const elsewhere = o.imports.filter((i) => !i.inLlmModule && !i.global);
    const found = [
      ...global.map((i) => seen('found', i, `${i.sdk} (${i.module}) instruments the model SDKs process-wide`)),
      ...o.hosts.map((h) => seen('found', h, `${h.sdk} proxy (${h.text}) in front of the provider`)),
      ...listed('found', local.map((i) => seen('found', i, `${i.sdk} (${i.module}) imported in a module that calls the model`)), 'imports'),
    ];
    const weaker = [
      ...listed('found', o.loggers.map((l) => seen('found', l, `logger ${l.module} in a module that calls the model (logs, not anomaly detection)`)), 'loggers'),
      ...listed('found', elsewhere.map((i) => seen('found', i, `${i.sdk} (${i.module}) imported, but not in a module that calls the model`)), 'imports'),
      ...o.declared.map((d) => seen('found', d, `${d.sdk} (${d.module}) declared as a dependency but imported nowhere`)),
    ];
    const gaps = listed('gap', uncovered.map((m) => ({ kind: 'gap' as const, text: `calls a model with no tracing or observability SDK imported`, file: m })), 'modules');
    if (global.length > 0 || o.hosts.length > 0) return { status: 'met', summary: 'A tracing or LLM observability SDK instruments the model calls.', evidence: [...found, ...weaker] };
    if (local.length > 0 && uncovered.length === 0) return { status: 'met', summary: 'Every module that calls a model imports a tracing or LLM observability SDK.', evidence: [...found, ...weaker] };
    if (local.length > 0 || weaker.length > 0) {
      return {
        status: 'partly-met',
        summary: local.length > 0 ? `Tracing is wired in some modules that call a model, not in ${plural(uncovered.length, 'other')}.` : 'Only a plain logger, or an observability SDK not wired to the model calls, was found.',
        evidence: [...found, ...weaker, ...gaps],
      };
    }
    const searched: Evidence = { kind: 'searched', text: 'imports of OpenTelemetry, Langfuse, LangSmith, Traceloop, Helicone, Arize, Braintrust, Sentry AI and loggers; provider proxy hosts' };
    if (truncated) return { status: 'unknown', summary: 'No logging or observability around the model calls was found in the part of the workspace that was searched.', evidence: [searched, truncatedNote, ...gaps] };
    return { status: 'not-met', summary: 'No logger or tracing/observability SDK is wired to the model calls.', evidence: [searched, ...gaps] };
  })();

  // (6) AI incident response plan.
  const step6 = ((): Pick<ChecklistItem, 'status' | 'summary' | 'evidence'> => {
    const docs = ev.incidentResponse.documents;
    const withAi = docs.filter((d) => d.aiMention);
    if (withAi.length > 0) {
      return {
        status: 'met',
        summary: 'An incident-response or security document covers AI/LLM incidents.',
        evidence: [...withAi.map((d) => seen('found', d.aiMention!, `mentions AI/LLM incidents: ${d.aiMention!.text}`)), ...docs.filter((d) => !d.aiMention).map((d) => ({ kind: 'gap' as const, text: 'does not mention AI, LLM, model or prompt incidents', file: d.file }))],
      };
    }
    if (docs.length > 0) return { status: 'partly-met', summary: 'A security or incident-response document exists, but it does not mention AI, LLM, model or prompt incidents.', evidence: docs.map((d) => ({ kind: 'gap' as const, text: 'does not mention AI, LLM, model or prompt incidents', file: d.file })) };
    const searched: Evidence = { kind: 'searched', text: 'SECURITY.md, INCIDENT*.md, docs/**/*incident*, runbooks and playbooks' };
    if (truncated) return { status: 'unknown', summary: 'No incident-response document was found in the part of the workspace that was searched.', evidence: [searched, truncatedNote] };
    return { status: 'not-met', summary: 'No security or incident-response document was found.', evidence: [searched] };
  })();

  return [
    { id: 'sensitive-data-mapped', step: 1, title: 'Sensitive data mapped', ...step1 },
    { id: 'least-privilege-and-authentication', step: 2, title: 'Least privilege and strong authentication on model endpoints', ...step2 },
    { id: 'redaction-before-model', step: 3, title: 'Anonymisation or redaction before sensitive data reaches a model', ...step3 },
    { id: 'adversarial-testing', step: 4, title: 'Adversarial and red-team tests', ...step4 },
    { id: 'logging-and-monitoring', step: 5, title: 'Logging and anomaly detection around LLM calls', ...step5 },
    { id: 'incident-response-plan', step: 6, title: 'AI incident response plan', ...step6 },
  ];
}
