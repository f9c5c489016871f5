// The threat model as one self-contained HTML page: inline CSS, the diagram as inline SVG, no scripts, and a
// Content-Security-Policy that forbids loading anything, so the page works offline and leaks nothing.
import { escapeXml as esc, renderSvg } from './svg';
import type { Evidence, ThreatModel, TmLocation } from './types';
import { plural, ROLE_TEXT, SOURCE_KIND_TEXT, STATUS_TEXT, summaryRows, where } from './words';

const CSS = `
:root { color-scheme: light; --fg: #1f2328; --muted: #57606a; --line: #d0d7de; --bg-soft: #f6f8fa; --red: #cf222e; --green: #1a7f37; --amber: #9a6700; --blue: #0969da; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--fg); background: #fff; }
main { max-width: 1440px; margin: 0 auto; padding: 24px 32px 64px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 36px 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
h3 { font-size: 16px; margin: 22px 0 8px; }
p.lead, .muted { color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; }
th, td { border: 1px solid var(--line); padding: 6px 9px; text-align: left; vertical-align: top; }
th { background: var(--bg-soft); font-weight: 600; }
code { font: 12.5px ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace; background: var(--bg-soft); padding: 1px 4px; border-radius: 4px; overflow-wrap: anywhere; }
.badge { display: inline-block; padding: 1px 9px; border-radius: 999px; font-size: 12px; font-weight: 600; white-space: nowrap; border: 1px solid currentColor; }
.met { color: var(--green); } .partly-met { color: var(--amber); } .not-met { color: var(--red); } .unknown { color: var(--muted); }
.no { color: var(--red); font-weight: 600; } .yes { color: var(--green); }
.sev-error { color: var(--red); font-weight: 600; } .sev-warning { color: var(--amber); font-weight: 600; } .sev-info { color: var(--blue); }
ul.evidence { list-style: none; padding-left: 4px; margin: 4px 0 12px; }
ul.evidence li { margin: 2px 0; }
ul.evidence li::before { display: inline-block; width: 1.4em; font-weight: 700; }
ul.evidence li.found::before { content: "✔"; color: var(--green); }
ul.evidence li.gap::before { content: "✘"; color: var(--red); }
ul.evidence li.searched::before { content: "⌕"; color: var(--muted); }
.diagram { border: 1px solid var(--line); border-radius: 8px; padding: 8px; background: #fff; }
.diagram svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
.summary td:first-child { width: 260px; font-weight: 600; }
.checklist td:nth-child(1) { width: 32px; text-align: center; }
.checklist td:nth-child(3) { width: 110px; }
footer { margin-top: 48px; color: var(--muted); font-size: 12px; }
`;

export function renderHtml(model: ThreatModel): string {
  const code = (s: string) => `<code>${esc(s)}</code>`;
  const loc = (l: TmLocation | { file: string; line?: number }) => code(where(l));
  const yes = (b: boolean) => (b ? '<span class="yes">yes</span>' : '<span class="no">no</span>');
  const table = (head: string[], rows: string[][], cls = '') =>
    `<table${cls ? ` class="${cls}"` : ''}>${head.some(Boolean) ? `<thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead>` : ''}<tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
  const badge = (status: keyof typeof STATUS_TEXT) => `<span class="badge ${status}">${STATUS_TEXT[status]}</span>`;
  const evidence = (e: Evidence) => `<li class="${e.kind}">${esc(e.text)}${e.file ? ` — ${loc({ file: e.file, line: e.line })}` : ''}</li>`;
  const name = esc(model.workspace.name);
  const s: string[] = [];

  s.push(`<h1>Threat model: ${name}</h1>`);
  s.push(`<p class="lead">Derived from the code by Promptward ${esc(model.generator.version)} (threat model schema ${model.schemaVersion}) from ${plural(model.workspace.filesScanned, 'source file')}.</p>`);
  s.push('<h2 id="summary">Summary</h2>');
  s.push(table(['', ''], summaryRows(model).map(([k, v]) => [esc(k), esc(v)]), 'summary'));

  s.push('<h2 id="checklist">Checklist</h2>');
  s.push('<p class="muted">The first six steps of securing an LLM application, judged from evidence in the workspace. “Unknown” means nothing could be seen either way.</p>');
  s.push(table(['#', 'Step', 'Status', 'Why'], model.checklist.map((c) => [String(c.step), `<a href="#step-${c.step}">${esc(c.title)}</a>`, badge(c.status), esc(c.summary)]), 'checklist'));
  for (const c of model.checklist) {
    s.push(`<h3 id="step-${c.step}">${c.step}. ${esc(c.title)} ${badge(c.status)}</h3>`);
    s.push(`<ul class="evidence">${c.evidence.map(evidence).join('')}</ul>`);
  }

  s.push('<h2 id="diagram">Data-flow diagram</h2>');
  s.push('<p class="muted">Entry points and data sources → prompts → models → sinks and tools, grouped by trust boundary. Hover a node for its location.</p>');
  s.push(`<div class="diagram">${renderSvg(model)}</div>`);

  s.push('<h2 id="entry-points">Entry points</h2>');
  if (model.entryPoints.length === 0) s.push('<p>No HTTP route, route handler or server action that reaches a model was recognised.</p>');
  else {
    s.push(
      table(
        ['Entry point', 'Kind', 'Authenticated', 'Rate limited', 'Reaches', 'Location'],
        model.entryPoints.map((e) => [
          code(e.name),
          esc(`${e.kind} (${e.framework})`),
          yes(e.authenticated),
          yes(e.rateLimited),
          e.calls.map((c) => `${code(c.call.replace(/^call:/, ''))}${c.via === 'import' ? ' <span class="muted">(inferred)</span>' : ''}`).join('<br>') || '—',
          loc(e.location),
        ]),
      ),
    );
  }

  s.push('<h2 id="components">AI components</h2>');
  if (model.components.length === 0) s.push('<p>No LLM call was found.</p>');
  for (const c of model.components) {
    s.push(`<h3>${esc(c.name)}</h3><p>Modules ${c.modules.map(code).join(', ')}; providers: ${esc(c.providers.join(', '))}; models: ${c.modelIds.map(code).join(', ') || 'not resolved'}.</p>`);
    s.push(
      table(
        ['Call', 'Kind', 'Provider', 'Models', 'Runs in', 'Reached from', 'Location'],
        c.callSites.map((x) => [
          code(x.call),
          esc(x.kind),
          esc(x.provider),
          x.modelIds.map(code).join(', ') || '—',
          x.runsInBrowser ? '<span class="no">browser</span>' : 'server',
          x.entryPoints.map((e) => code(model.entryPoints.find((p) => p.id === e)?.name ?? e)).join('<br>') || '—',
          loc(x.location),
        ]),
      ),
    );
  }

  s.push('<h2 id="data-flows">Data flows</h2>');
  const prompts = (title: string, flows: ThreatModel['dataFlows']['promptInputs'], none: string) => {
    s.push(`<h3>${title}</h3>`);
    if (flows.length === 0) return void s.push(`<p>${none}</p>`);
    s.push(
      table(
        ['Source', 'Kind', 'Prompt slot', 'Role', 'Source location', 'Slot location', 'Threats'],
        flows.map((f) => [code(f.sourceLabel), esc(SOURCE_KIND_TEXT[f.sourceKind]), esc(f.sinkLabel), f.role === 'user' ? esc(ROLE_TEXT[f.role]) : `<span class="no">${esc(ROLE_TEXT[f.role])}</span>`, loc(f.source), loc(f.sink), String(f.threats.length)]),
      ),
    );
  };
  prompts('Untrusted and sensitive data into prompts', model.dataFlows.promptInputs, 'No untrusted input, secret or personal data was seen reaching a prompt.');
  prompts('Retrieved content (RAG) into prompts', model.dataFlows.retrieval, 'No retrieved content was seen reaching a prompt.');
  s.push('<h3>Model output to sinks</h3>');
  if (model.dataFlows.outputs.length === 0) s.push('<p>No model output or tool argument was seen reaching a sink.</p>');
  else {
    s.push(
      table(
        ['Source', 'Sink', 'Sink kind', 'Validated', 'Source location', 'Sink location'],
        model.dataFlows.outputs.map((f) => [`${code(f.sourceLabel)} <span class="muted">(${f.sourceKind === 'tool-arguments' ? 'tool arguments' : 'model output'})</span>`, esc(f.sinkLabel), esc(f.sinkKind), yes(f.validated), loc(f.source), loc(f.sink)]),
      ),
    );
  }

  s.push('<h2 id="tools">Tools</h2>');
  if (model.tools.length === 0) s.push('<p>No tool the model can call was found.</p>');
  else {
    s.push(
      table(
        ['Tool', 'Capabilities', 'Approval required', 'Arguments', 'Location'],
        model.tools.map((t) => [code(t.name), esc(t.capabilities.join(', ') || 'no side effects recognised'), yes(t.approvalRequired), t.argumentsConfined ? 'confined' : '<span class="no">reach a dangerous sink unchecked</span>', loc(t.location)]),
      ),
    );
  }

  s.push('<h2 id="threats">Threats by OWASP LLM category</h2>');
  if (model.threats.length === 0) s.push('<p>No finding.</p>');
  else s.push(table(['OWASP 2025', 'OWASP 2026', 'Category', 'Findings', 'Open', 'Suppressed'], model.threats.map((c) => [esc(c.owasp2025), esc(c.owasp2026), `<a href="#${esc(c.owasp2025.replace(':', '-'))}">${esc(c.name)}</a>`, String(c.count), String(c.open), String(c.suppressed)])));
  for (const c of model.threats) {
    s.push(`<h3 id="${esc(c.owasp2025.replace(':', '-'))}">${esc(c.owasp2025)} / ${esc(c.owasp2026)}: ${esc(c.name)}</h3>`);
    s.push(
      table(
        ['Severity', 'Rule', 'Location', 'Status', 'Finding'],
        c.threats.map((t) => [`<span class="sev-${t.severity}">${t.severity}</span>`, code(t.ruleId), loc(t.location), t.mitigation.status === 'open' ? '<span class="no">open</span>' : `suppressed: ${esc(t.mitigation.justification ?? '')}`, esc(t.message)]),
      ),
    );
  }
  s.push(`<footer>Promptward threat model, schema version ${model.schemaVersion}. This page loads nothing from the network.</footer>`);

  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Threat model: ${name}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body><main>',
    ...s,
    '</main></body>',
    '</html>',
    '',
  ].join('\n');
}
