// The threat model as GitHub-flavoured Markdown: summary, checklist with evidence, the Mermaid diagram, entry
// points, components, data flows, tools and threats by OWASP category.
import { renderMermaid } from './mermaid';
import type { Evidence, ThreatModel, TmLocation } from './types';
import { plural, ROLE_TEXT, SOURCE_KIND_TEXT, STATUS_ICON, STATUS_TEXT, summaryRows, where } from './words';

export interface MarkdownOptions {
  /**
   * Link locations to the files: the path from the report's folder to the workspace root ('' when the report
   * is written in the root, '../..' for a report in docs/security/). Without it, locations are plain text.
   */
  linkRoot?: string;
}

/** Plain text in Markdown (and in a table cell): the characters that could start markup are escaped. */
export function mdText(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/[\\`*_[\]<>|#~]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`));
}

/** Inline code in a table cell: a fence longer than any backtick run inside; `|` escaped for GFM tables. */
export function mdCode(s: string): string {
  const text = s.replace(/\s+/g, ' ');
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text.replace(/\|/g, '\\|')}${pad}${fence}`;
}

export function renderMarkdown(model: ThreatModel, options: MarkdownOptions = {}): string {
  const loc = (l: TmLocation | { file: string; line?: number }): string => {
    const text = mdCode(where(l));
    if (options.linkRoot === undefined) return text;
    const prefix = options.linkRoot === '' ? '' : `${options.linkRoot.replace(/\/$/, '')}/`;
    const href = `${prefix}${l.file}${l.line ? `#L${l.line}` : ''}`.split('/').map(encodeURIComponent).join('/').replace(/%23L/, '#L');
    return `[${text}](${href})`;
  };
  const out: string[] = [];
  const table = (head: string[], rows: string[][]) => {
    out.push(`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`), '');
  };
  const yes = (b: boolean) => (b ? 'yes' : '**no**');

  out.push(`# Threat model: ${mdText(model.workspace.name)}`, '');
  out.push(
    `Derived from the code by Promptward ${mdText(model.generator.version)} (threat model schema ${model.schemaVersion}) from ${plural(model.workspace.filesScanned, 'source file')}. ` +
      'Regenerate it with `promptward threat-model --format markdown` rather than editing it by hand.',
    '',
  );

  out.push('## Summary', '');
  table(['', ''], summaryRows(model).map(([k, v]) => [`**${mdText(k)}**`, mdText(v)]));

  out.push('## Checklist', '', 'The first six steps of securing an LLM application, judged from evidence in the workspace. "Unknown" means nothing could be seen either way.', '');
  table(['#', 'Step', 'Status', 'Why'], model.checklist.map((c) => [String(c.step), mdText(c.title), `${STATUS_ICON[c.status]} ${STATUS_TEXT[c.status]}`, mdText(c.summary)]));
  const mark: Record<Evidence['kind'], string> = { found: '✔', gap: '✘', searched: '🔍' };
  for (const c of model.checklist) {
    out.push(`### ${c.step}. ${mdText(c.title)}: ${STATUS_TEXT[c.status]}`, '');
    for (const e of c.evidence) out.push(`- ${mark[e.kind]} ${mdText(e.text)}${e.file ? ` — ${loc({ file: e.file, line: e.line })}` : ''}`);
    out.push('');
  }

  out.push('## Data-flow diagram', '', 'Entry points and data sources → prompts → models → sinks and tools, grouped by trust boundary. Red: untrusted or sensitive data reaching instructions, unvalidated model output, unconfined tools, unguarded entry points. Dashed: inferred links.', '');
  out.push('```mermaid', renderMermaid(model), '```', '');

  out.push('## Entry points', '');
  if (model.entryPoints.length === 0) out.push('No HTTP route, route handler or server action that reaches a model was recognised.', '');
  else {
    table(
      ['Entry point', 'Kind', 'Authenticated', 'Rate limited', 'Reaches', 'Location'],
      model.entryPoints.map((e) => [
        mdCode(e.name),
        mdText(`${e.kind} (${e.framework})`),
        yes(e.authenticated),
        yes(e.rateLimited),
        e.calls.map((c) => `${mdCode(c.call.replace(/^call:/, ''))}${c.via === 'import' ? ' (inferred)' : ''}`).join('<br>') || '—',
        loc(e.location),
      ]),
    );
  }

  out.push('## AI components', '');
  if (model.components.length === 0) out.push('No LLM call was found.', '');
  for (const c of model.components) {
    out.push(`### ${mdText(c.name)}`, '', `Modules ${c.modules.map(mdCode).join(', ')}; providers: ${mdText(c.providers.join(', '))}; models: ${c.modelIds.map(mdCode).join(', ') || 'not resolved'}.`, '');
    table(
      ['Call', 'Kind', 'Provider', 'Models', 'Runs in', 'Reached from', 'Location'],
      c.callSites.map((s) => [
        mdCode(s.call),
        s.kind,
        mdText(s.provider),
        s.modelIds.map(mdCode).join(', ') || '—',
        s.runsInBrowser ? '**browser**' : 'server',
        s.entryPoints.map((e) => mdCode(model.entryPoints.find((x) => x.id === e)?.name ?? e)).join('<br>') || '—',
        loc(s.location),
      ]),
    );
  }

  out.push('## Data flows', '');
  const prompts = (title: string, flows: ThreatModel['dataFlows']['promptInputs'], none: string) => {
    out.push(`### ${title}`, '');
    if (flows.length === 0) return void out.push(none, '');
    table(
      ['Source', 'Kind', 'Prompt slot', 'Role', 'Source location', 'Slot location', 'Threats'],
      flows.map((f) => [mdCode(f.sourceLabel), SOURCE_KIND_TEXT[f.sourceKind], mdText(f.sinkLabel), f.role === 'user' ? ROLE_TEXT[f.role] : `**${ROLE_TEXT[f.role]}**`, loc(f.source), loc(f.sink), String(f.threats.length)]),
    );
  };
  prompts('Untrusted and sensitive data into prompts', model.dataFlows.promptInputs, 'No untrusted input, secret or personal data was seen reaching a prompt.');
  prompts('Retrieved content (RAG) into prompts', model.dataFlows.retrieval, 'No retrieved content was seen reaching a prompt.');
  out.push('### Model output to sinks', '');
  if (model.dataFlows.outputs.length === 0) out.push('No model output or tool argument was seen reaching a sink.', '');
  else {
    table(
      ['Source', 'Sink', 'Sink kind', 'Validated', 'Source location', 'Sink location'],
      model.dataFlows.outputs.map((f) => [`${mdCode(f.sourceLabel)} (${f.sourceKind === 'tool-arguments' ? 'tool arguments' : 'model output'})`, mdText(f.sinkLabel), f.sinkKind, yes(f.validated), loc(f.source), loc(f.sink)]),
    );
  }

  out.push('## Tools', '');
  if (model.tools.length === 0) out.push('No tool the model can call was found.', '');
  else {
    table(
      ['Tool', 'Capabilities', 'Approval required', 'Arguments', 'Location'],
      model.tools.map((t) => [mdCode(t.name), mdText(t.capabilities.join(', ') || 'no side effects recognised'), yes(t.approvalRequired), t.argumentsConfined ? 'confined' : '**reach a dangerous sink unchecked**', loc(t.location)]),
    );
  }

  out.push('## Threats by OWASP LLM category', '');
  if (model.threats.length === 0) out.push('No finding.', '');
  else table(['OWASP 2025', 'OWASP 2026', 'Category', 'Findings', 'Open', 'Suppressed'], model.threats.map((c) => [c.owasp2025, c.owasp2026, mdText(c.name), String(c.count), String(c.open), String(c.suppressed)]));
  for (const c of model.threats) {
    out.push(`### ${c.owasp2025} / ${c.owasp2026}: ${mdText(c.name)}`, '');
    table(
      ['Severity', 'Rule', 'Location', 'Status', 'Finding'],
      c.threats.map((t) => [t.severity, mdCode(t.ruleId), loc(t.location), t.mitigation.status === 'open' ? '**open**' : `suppressed: ${mdText(t.mitigation.justification ?? '')}`, mdText(t.message)]),
    );
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
