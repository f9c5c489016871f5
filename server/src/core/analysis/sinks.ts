// Sinks for model output and model-chosen tool arguments: code evaluation, shell, files, network,
// HTML, redirects and SQL. Reports unvalidated-llm-output and excessive-agency.
import { ts } from '../ts';
import type { Interpreter } from './interpreter';
import type { Scope } from './scope';
import type { CallCtx } from './calls';
import { moduleMatches, type SinkKind, type SinkModel } from '../knowledge/models';
import { shortText } from './reporter';
import { activeFlows, deepFlows, isClean, literalPrefix, type Value } from './values';

const AGENCY_KINDS: SinkKind[] = ['shell', 'file-write', 'network'];

const SINK_LABEL: Record<SinkKind, string> = {
  code: 'code evaluation',
  shell: 'a shell command',
  'file-write': 'a file-system path',
  'file-read': 'a file-system path',
  network: 'a network request URL',
  html: 'HTML rendering',
  redirect: 'a redirect URL',
  sql: 'SQL text',
};

/** What a tool can do, by the sinks its code reaches. */
const CAPABILITY: Record<SinkKind, string> = {
  code: 'code execution',
  shell: 'shell',
  'file-write': 'file write',
  'file-read': 'file read',
  network: 'network',
  html: 'html',
  redirect: 'redirect',
  sql: 'database',
};

function calleeName(ctx: CallCtx): string | undefined {
  if (ctx.method) return ctx.method;
  const e = ctx.node.expression;
  if (ts.isIdentifier(e)) return e.text;
  return undefined;
}

function receiverNames(ctx: CallCtx): string[] {
  const e = ctx.node.expression;
  if (!ts.isPropertyAccessExpression(e)) return [];
  const text = e.expression.getText();
  const last = text.split('.').pop() ?? text;
  return [text, last];
}

function matchesCallSink(ctx: CallCtx, sink: SinkModel): boolean {
  const name = calleeName(ctx);
  const mod = ctx.callee.module;
  if (sink.global) {
    if (!mod || mod.spec !== '<global>') {
      // `new Function(...)`/`Function(...)`/`eval(...)` unbound in any scope
      return false;
    }
    const last = mod.path[mod.path.length - 1];
    if (mod.path.length === 1 && sink.global.includes(last)) return true;
    if (mod.path.length === 2 && (mod.path[0] === 'window' || mod.path[0] === 'globalThis') && sink.global.includes(last)) return true;
    return false;
  }
  if (sink.module && sink.function) {
    if (!mod || !moduleMatches(mod.spec, sink.module)) return false;
    const path = mod.path.filter((p) => p !== 'default' && p !== 'promises');
    if (path.length === 0) return sink.function.includes('default');
    return path.length === 1 && sink.function.includes(path[0]);
  }
  if (sink.method) {
    if (!ctx.method || !sink.method.includes(ctx.method)) return false;
    if (sink.receiver) return receiverNames(ctx).some((r) => sink.receiver!.includes(r));
    // A prepared statement (`db.prepare(sql).all(a, b)`): its SQL was fixed by prepare(); these are bound values.
    const path = ctx.receiver?.module?.path;
    if (sink.kind === 'sql' && path?.at(-1) === '()' && path.at(-2) === 'prepare') return false;
    if (sink.module) {
      const spec = ctx.receiver?.module?.spec;
      return (!!spec && moduleMatches(spec, sink.module)) || !!ctx.receiver?.dbClient;
    }
    if (sink.receiverNames) {
      if (ctx.receiver?.sdk || ctx.receiver?.flows.length) return false;
      const [, last] = receiverNames(ctx);
      return !!last && sink.receiverNames.some((n) => n.toLowerCase() === last.toLowerCase()) || !!ctx.receiver?.dbClient;
    }
    return name !== undefined;
  }
  return false;
}

/** Call sinks that could match a call named `name` (by function, method or global name). */
const sinksByName = new WeakMap<SinkModel[], Map<string, SinkModel[]>>();
function candidateSinks(sinks: SinkModel[], name: string): SinkModel[] {
  let index = sinksByName.get(sinks);
  if (!index) {
    index = new Map();
    for (const sink of sinks) {
      if (sink.property || sink.jsxAttribute) continue;
      for (const n of [...(sink.global ?? []), ...(sink.function ?? []), ...(sink.method ?? [])]) {
        const list = index.get(n) ?? [];
        list.push(sink);
        index.set(n, list);
      }
    }
    sinksByName.set(sinks, index);
  }
  return index.get(name) ?? [];
}

export function checkCallSinks(ctx: CallCtx): void {
  const mod = ctx.callee.module;
  const name = ctx.method ?? (mod ? (mod.path.filter((p) => p !== 'default' && p !== 'promises').pop() ?? 'default') : undefined);
  if (!name) return;
  for (const sink of candidateSinks(ctx.interp.knowledge.sinks, name)) {
    if (!matchesCallSink(ctx, sink)) continue;
    ctx.scope.frame?.tool?.capabilities?.add(CAPABILITY[sink.kind]);
    // 'any': a URL may come first or last (res.redirect(301, url), NextResponse.redirect(url, 307)).
    const index = sink.arg === 'last' ? ctx.args.length - 1 : sink.arg === 'any' ? Math.max(0, ctx.args.findIndex((a) => !isClean(a))) : sink.arg ?? 0;
    let value = ctx.args[index];
    const argNode = ctx.argNodes[index];
    if (!value || !argNode) continue;
    if (sink.stringsOnly && value.fns) continue;
    // spawn('sh', ['-c', cmd]) and spawn(cmd, args, { shell: true }) run a shell over the arguments.
    if (sink.kind === 'shell' && ctx.args[1]) {
      const cmd = value.parts?.[0]?.lit;
      const shellOpt = ctx.args[2]?.props?.get('shell') ?? ctx.args[1]?.props?.get('shell');
      if ((cmd && /^(sh|bash|zsh|cmd(\.exe)?|powershell|pwsh)$/.test(cmd)) || (shellOpt && shellOpt.parts?.[0]?.lit === 'true')) {
        value = { flows: [...value.flows, ...deepFlows(ctx.args[1])] };
      }
    }
    reportSink(ctx.interp, sink.kind, value, argNode, ctx.scope, shortText(ctx.node.expression, 40));
  }
}

/** `el.innerHTML = x`, `window.location.href = x` */
export function checkAssignmentSink(interp: Interpreter, node: ts.BinaryExpression, value: Value, scope: Scope): void {
  const left = node.left;
  if (!ts.isPropertyAccessExpression(left)) return;
  const prop = left.name.text;
  for (const sink of interp.knowledge.sinks) {
    if (!sink.property?.includes(prop)) continue;
    if (sink.receiver && !sink.receiver.includes(left.expression.getText())) continue;
    reportSink(interp, sink.kind, value, node.right, scope, `${prop} assignment`);
  }
}

/** `dangerouslySetInnerHTML={{ __html: x }}` */
export function checkJsxAttribute(interp: Interpreter, _opening: ts.JsxOpeningLikeElement, attr: ts.JsxAttribute, value: Value, scope: Scope): void {
  const name = attr.name.getText();
  for (const sink of interp.knowledge.sinks) {
    if (!sink.jsxAttribute?.includes(name)) continue;
    const html = value.props?.get('__html') ?? value;
    const node = (value.propNodes?.get('__html') as ts.PropertyAssignment | undefined)?.initializer ?? attr;
    reportSink(interp, sink.kind, html, node, scope, name);
  }
}

/** `<ReactMarkdown rehypePlugins={[rehypeRaw]}>{output}</ReactMarkdown>` renders raw HTML from the model. */
export function checkJsxElement(interp: Interpreter, opening: ts.JsxOpeningLikeElement, props: Value, children: Value[], scope: Scope): void {
  const tag = opening.tagName.getText();
  if (!/Markdown/.test(tag)) return;
  const plugins = opening.attributes.properties.find((p) => ts.isJsxAttribute(p) && p.name.getText() === 'rehypePlugins');
  const text = plugins?.getText() ?? '';
  const raw = /rehypeRaw|rehype-raw/.test(text) || opening.attributes.getText().includes('skipHtml={false}');
  if (!raw || /rehypeSanitize|rehype-sanitize|sanitize/i.test(text)) return;
  const content = props.props?.get('children') ?? props.props?.get('markdown');
  if (!content) return;
  const parent = opening.parent;
  const node = ts.isJsxElement(parent) ? parent.children.find((c) => ts.isJsxExpression(c)) ?? opening : opening;
  void children;
  reportSink(interp, 'html', content, node, scope, `${tag} with rehype-raw`);
}

function fixedDestination(value: Value): boolean {
  const prefix = literalPrefix(value);
  return /^https?:\/\/[^/?#]+[/?#]/i.test(prefix) || /^\/(?!\/)/.test(prefix) || /^\.\.?\//.test(prefix);
}

export function reportSink(interp: Interpreter, kind: SinkKind, value: Value, node: ts.Node, scope: Scope, sinkName: string): void {
  const flows = deepFlows(value);
  if (flows.length === 0) return;
  const sinkLabel = `${SINK_LABEL[kind]} (${sinkName})`;
  const fixed = (kind === 'network' || kind === 'redirect') && fixedDestination(value);
  for (const f of flows) {
    if (f.kind !== 'llm-output' && f.kind !== 'tool-args') continue;
    interp.inventory.outputFlow(f.steps[0].node, node, { sourceKind: f.kind, sinkKind: kind, sinkLabel, validated: fixed || !!f.cleared?.has(kind) || (f.kind === 'tool-args' && !!scope.frame?.tool?.approved) });
  }
  if (fixed) return;
  const output = activeFlows(flows, kind, ['llm-output']);
  const toolArgs = activeFlows(flows, kind, ['tool-args']);
  if (toolArgs.length > 0 && AGENCY_KINDS.includes(kind)) {
    const tool = scope.frame?.tool;
    if (tool) {
      if (!tool.approved && !tool.reported) {
        tool.reported = true;
        interp.reporter.report({ rule: 'excessive-agency', node: tool.node, source: `arguments of the tool "${tool.name}"`, sink: sinkLabel, flow: toolArgs[0], sinkLabel });
      }
    } else if (!scope.frame?.approved) {
      interp.reporter.report({ rule: 'excessive-agency', node, source: 'tool-call arguments', sink: sinkLabel, flow: toolArgs[0], sinkLabel });
    }
  }
  // Tool-call arguments are model output too: unvalidated where they reach a sink, unless a human approved the call.
  if (toolArgs.length > 0 && !scope.frame?.tool?.approved && !scope.frame?.approved) output.push(...toolArgs);
  if (output.length > 0) {
    interp.reporter.report({ rule: 'unvalidated-llm-output', node, source: output[0].steps[0].label, sink: sinkLabel, flow: output[0], sinkLabel });
  }
}

/** The sink kinds a sanitizer named `name` clears, if it is one. */
export function sanitizerFor(interp: Interpreter, name: string, ctx: CallCtx): string[] | undefined {
  let full: string | undefined;
  for (const s of interp.knowledge.sanitizers) {
    if (s.function && (s.function.includes(name) || (s.function.some((f) => f.includes('.')) && s.function.includes((full ??= ctx.node.expression.getText()))))) {
      // `escape`/`encode`/`format`/`quote` are sanitizers only as methods of a known escaper or as free functions.
      return s.for;
    }
    if (s.namePattern && s.namePattern.test(name)) return s.for;
  }
  return undefined;
}
