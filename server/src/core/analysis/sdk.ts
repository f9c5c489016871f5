// SDK-bound values: member paths on modules and clients, matching calls against the YAML models, and
// what each kind of call does — prompts (slots, token caps, output), clients (keys, browser exposure,
// transport), templates, messages, chains, agents and tools. Also raw fetch/axios calls to provider hosts.
import { ts } from '../ts';
import type { Interpreter } from './interpreter';
import type { CallCtx } from './calls';
import type { CallModel, MaxTokenOption, SdkModel, SlotKind } from '../knowledge/models';
import { checkSlot, buildTemplate, checkTemplateVars } from './prompts';
import { defineTool } from './tools';
import { applySchema, shapeOf } from './schema';
import { hostOf, insecureHttpUrl, knownKeyProvider, looksLikeSecretToken } from './keys';
import { shortText } from './reporter';
import { deepFlows, fresh, literalPrefix, source, type SdkRef, type Value } from './values';
import { keyFix, maxTokensFix, removeBrowserFlagFix } from '../fixes';

export function sdkMember(_interp: Interpreter, obj: Value, name: string, _node: ts.Node): Value {
  const ref = obj.sdk!;
  if (ref.kind === 'namespace') {
    const kind = ref.model.exports.get(name);
    if (kind === 'provider') return { flows: [], sdk: { ...ref, kind: 'provider', exportName: name, path: [] } };
    if (kind === 'client-instance') return { flows: [], sdk: { ...ref, kind: 'client', path: [], client: { node: _node, capped: false } } };
    return { flows: [], sdk: { ...ref, kind: 'export', exportName: name === 'default' ? 'default' : name, path: [] } };
  }
  return { flows: obj.flows, sdk: { ...ref, path: [...ref.path, name] } };
}

function findCallModel(ref: SdkRef, isNew: boolean): CallModel | undefined {
  const path = ref.path.join('.');
  for (const c of ref.model.calls) {
    if (c.on === 'client') {
      if (ref.kind !== 'client') continue;
      if (c.paths.includes(path)) return c;
    } else if (ref.kind === 'export' && ref.exportName !== undefined) {
      const exportName = ref.exportName === 'default' && c.exports.includes('default') ? 'default' : ref.exportName;
      if (c.exports.includes(exportName) && c.paths.includes(path) && (c.isNew === isNew || path !== '')) return c;
    }
  }
  return undefined;
}

/** Resolves an argument path like "0.config.systemInstruction" to its value and the node to report at. */
export function argPath(ctx: CallCtx, path: string): { value: Value; node: ts.Node } | undefined {
  const segs = path.split('.');
  const index = segs[0] === 'last' ? ctx.args.length - 1 : Number(segs[0]);
  let value = ctx.args[index];
  let node: ts.Node | undefined = ctx.argNodes[index];
  if (!value || !node) return undefined;
  for (const seg of segs.slice(1)) {
    const next = value.props?.get(seg);
    if (!next) return undefined;
    node = value.propNodes?.get(seg) ?? node;
    value = next;
  }
  return { value, node };
}

type Presence = 'present' | 'absent' | 'unknown';

function presence(ctx: CallCtx, path: string): Presence {
  const segs = path.split('.');
  const index = segs[0] === 'last' ? ctx.args.length - 1 : Number(segs[0]);
  let value = ctx.args[index];
  if (!value) return ctx.argNodes.length > index ? 'unknown' : 'absent';
  for (const seg of segs.slice(1)) {
    if (value.props?.has(seg)) {
      value = value.props.get(seg)!;
      continue;
    }
    if ((value.parts || value.elements) && !value.props) return 'absent'; // a string or a list of parts carries no options
    if (value.props && !value.openProps) return 'absent';
    return 'unknown';
  }
  const lit = value.parts?.length === 1 ? value.parts[0].lit : undefined;
  if (lit === 'undefined') return 'absent';
  return 'present';
}

function applicable(interp: Interpreter, ctx: CallCtx, ref: SdkRef, options: MaxTokenOption[]): MaxTokenOption[] {
  const major = interp.ws.packageMajor(ctx.scope.module.file, ref.module.startsWith('@ai-sdk/') ? 'ai' : ref.module);
  return options.filter((o) => (o.from === undefined || major === undefined || major >= o.from) && (o.below === undefined || (major !== undefined && major < o.below)));
}

/** Is an output-token cap given under an option the installed SDK version honours? */
function checkMaxTokens(ctx: CallCtx, ref: SdkRef, options: MaxTokenOption[], insertPath: string | undefined, reportNode: ts.Node): boolean {
  if (options.length === 0) return true;
  const usable = applicable(ctx.interp, ctx, ref, options);
  const states = usable.map((o) => presence(ctx, o.path));
  if (states.includes('present') || states.includes('unknown')) return states.includes('present');
  const stale = options.filter((o) => !usable.includes(o) && presence(ctx, o.path) === 'present').map((o) => o.path.split('.').pop()!);
  const option = (insertPath ?? usable[0]?.path ?? options[0].path).split('.').pop();
  ctx.interp.reporter.report({
    rule: 'missing-max-tokens',
    node: reportNode,
    detail: stale.length ? `${option} (${stale.join(', ')} is ignored by this SDK version)` : option,
    fixes: maxTokensFix(ctx, insertPath ?? usable[0]?.path, stale),
  });
  return false;
}

export function markLlmCall(ctx: CallCtx): void {
  if (ctx.scope.frame) ctx.scope.frame.effects.llm = true;
  ctx.scope.module.callsLlm = true;
}

/** Literal model ids in a value: 'gpt-4o', openai('gpt-4o'), a constant. */
export function modelIdsOf(v: Value | undefined): string[] {
  if (!v) return [];
  if (v.modelId) return [v.modelId];
  const lits = (v.literals ?? []).map((l) => l.text);
  if (lits.length) return lits;
  const text = v.parts?.length === 1 ? v.parts[0].lit : undefined;
  return text ? [text] : [];
}

function recordCall(ctx: CallCtx, ref: SdkRef, kind: 'prompt' | 'embedding' | 'agent', modelPaths: string[]): void {
  const ids = modelPaths.flatMap((p) => modelIdsOf(argPath(ctx, p)?.value));
  if (ids.length === 0) ids.push(...(ref.client?.modelIds ?? []));
  ctx.interp.inventory.call(ctx.node, { sdk: ref.model.name, module: ref.module, call: (ref.kind === 'client' ? ref.path : [ref.exportName ?? '', ...ref.path]).filter(Boolean).join('.'), kind, modelIds: [...new Set(ids)] });
}

function outputValue(ctx: CallCtx, ref: SdkRef): Value {
  void ref;
  return { flows: [source('llm-output', ctx.node, `${shortText(ctx.node.expression, 50)}() (model output)`)] };
}

function checkSlots(ctx: CallCtx, slots: [string, SlotKind][], sdkName: string): void {
  for (const [path, kind] of slots) {
    const target = argPath(ctx, path);
    if (!target) continue;
    const label = slotLabel(path, kind, sdkName);
    checkSlot(ctx.interp, kind, { value: target.value, node: target.node, label });
  }
}

function slotLabel(path: string, kind: SlotKind, sdkName: string): string {
  const prop = path.split('.').slice(1).join('.') || `argument ${path}`;
  if (kind === 'instructions') return `the ${sdkName} instructions (${prop})`;
  if (kind === 'tool-description') return `a tool description (${prop})`;
  return `the ${sdkName} prompt (${prop})`;
}

export function sdkCall(ctx: CallCtx): Value {
  const ref = ctx.callee.sdk!;
  const { interp } = ctx;
  if (ref.kind === 'provider') {
    // openai('gpt-4o') / openai.chat('gpt-4o'): a model reference
    const id = modelIdsOf(ctx.args[0])[0];
    return { flows: [], sdk: { ...ref, path: [...ref.path, '()'] }, modelId: id ? `${ref.exportName ?? ref.model.id}:${id}` : undefined };
  }
  if (ref.kind === 'namespace' && ctx.isNew) {
    return constructClient(ctx, { ...ref, kind: 'export', exportName: 'default' });
  }
  if (ref.kind === 'export' && ref.path.length === 0) {
    const kind = ref.model.exports.get(ref.exportName ?? '');
    if (kind === 'client-class' && ctx.isNew) return constructClient(ctx, ref);
    if (kind === 'client-factory') return constructClient(ctx, ref);
  }
  // AI SDK: wrapLanguageModel({ model, middleware: defaultSettingsMiddleware({ settings: { maxOutputTokens } }) })
  // gives every call through the wrapped model a default output cap.
  if (ref.kind === 'export' && ref.exportName === 'wrapLanguageModel' && ref.path.length === 0) {
    const inner = ctx.args[0]?.props?.get('model') ?? fresh();
    const capped = /defaultSettingsMiddleware\s*\([\s\S]*\b(maxOutputTokens|maxTokens)\s*:/.test(ctx.argNodes[0]?.getText() ?? '');
    return capped ? { ...inner, cappedModel: true } : inner;
  }
  const call = findCallModel(ref, ctx.isNew);
  if (!call) {
    if (ref.kind === 'client') {
      if (isAgentRun(ref)) return agentRun(ctx, ref);
      return { flows: deepFlows(ctx.receiver), sdk: { ...ref, path: [] } };
    }
    return { flows: ctx.args.flatMap((a) => deepFlows(a)) };
  }
  const sdkName = ref.model.name;
  switch (call.kind) {
    case 'prompt': {
      markLlmCall(ctx);
      recordCall(ctx, ref, 'prompt', call.slots.filter(([, k]) => k === 'model').map(([p]) => p));
      checkSlots(ctx, call.slots, sdkName);
      const cappedModel = ctx.args.some((a) => a.props?.get('model')?.cappedModel);
      if (!ref.client?.capped && !cappedModel) checkMaxTokens(ctx, ref, call.maxTokens, call.insertMaxTokens, ctx.node);
      const output = outputValue(ctx, ref);
      // Structured output is validated by its schema: generateObject({ schema }).object
      // Or a response format built from a schema: zodResponseFormat(S), zodTextFormat(S), Output.object({ schema }).
      const schema = (call.schema ? shapeOf(argPath(ctx, call.schema)?.value) : undefined) ??
        ['0.response_format', '0.text.format', '0.output', '0.experimental_output', '0.responseSchema', '0.config.responseSchema'].map((p) => argPath(ctx, p)?.value.schema).find((s) => s);
      if (schema) {
        output.outputSchema = schema;
        if (call.schema) output.props = new Map([['object', applySchema(schema, { flows: output.flows }, ctx)]]);
      }
      return output;
    }
    case 'embedding':
      markLlmCall(ctx);
      recordCall(ctx, ref, 'embedding', call.slots.filter(([, k]) => k === 'model').map(([p]) => p).concat(['0.model']));
      checkSlots(ctx, call.slots, sdkName);
      return fresh();
    case 'agent': {
      checkSlots(ctx, call.slots, sdkName);
      recordCall(ctx, ref, 'agent', call.slots.filter(([, k]) => k === 'model').map(([p]) => p));
      const capped = call.maxTokens.length ? checkMaxTokens(ctx, ref, call.maxTokens, call.insertMaxTokens, ctx.node) : true;
      ctx.scope.module.callsLlm = true;
      return { flows: [], sdk: { ...ref, kind: 'client', path: [], client: { node: ctx.node, capped, agent: true } } };
    }
    case 'client': {
      checkSlots(ctx, call.slots, sdkName);
      const capped = call.maxTokens.length > 0 && applicable(interp, ctx, ref, call.maxTokens).some((o) => presence(ctx, o.path) !== 'absent');
      const modelIds = call.slots.filter(([, k]) => k === 'model').flatMap(([p]) => modelIdsOf(argPath(ctx, p)?.value));
      return { flows: [], sdk: { ...ref, kind: 'client', path: [], client: { node: ctx.node, capped: capped || !!ref.client?.capped, modelIds: modelIds.length ? modelIds : ref.client?.modelIds } } };
    }
    case 'template': {
      const [path, kind] = call.slots[0] ?? ['0', 'mixed'];
      const target = argPath(ctx, path);
      const template = target ? buildTemplate(kind, target.value, target.node, interp) : { vars: [] };
      return { flows: [], template };
    }
    case 'message': {
      checkSlots(ctx, call.slots, sdkName);
      const content = ctx.args[0]?.props?.get('content') ?? ctx.args[0] ?? fresh();
      return { flows: deepFlows(content), parts: content.parts, message: { role: call.role ?? 'user' } };
    }
    case 'chain': {
      const parts = [...(ctx.args[0]?.elements ?? []), ...(ctx.args[0]?.props ? [...ctx.args[0].props.values()] : [])];
      const template = parts.find((p) => p.template)?.template ?? parts.find((p) => p.chain?.template)?.chain?.template;
      const llm = parts.some((p) => p.sdk?.kind === 'client' || p.chain?.llm);
      return { flows: [], chain: { template, llm: llm || ref.exportName === 'AgentExecutor' } };
    }
    case 'tool':
      return defineTool(ctx, call, ref);
    default:
      return call.output === 'text' ? outputValue(ctx, ref) : fresh();
  }
}

/** Methods of a built agent that run it: agent.generate({ prompt }), executor.invoke({ input }). */
function isAgentRun(ref: SdkRef): boolean {
  const method = ref.path[ref.path.length - 1] ?? '';
  return !!ref.client?.agent && ref.path.length === 1 && ['generate', 'stream', 'run', 'runStream', 'invoke', 'respond', 'chat'].includes(method);
}

function agentRun(ctx: CallCtx, ref: SdkRef): Value {
  markLlmCall(ctx);
  recordCall(ctx, ref, 'prompt', []);
  checkSlots(ctx, [['0.prompt', 'auto'], ['0.messages', 'messages'], ['0.input', 'user'], ['0', 'auto']], ref.model.name);
  return outputValue(ctx, ref);
}

// ---------------------------------------------------------------- clients

function constructClient(ctx: CallCtx, ref: SdkRef): Value {
  const { interp } = ctx;
  const model = ref.model;
  ctx.scope.module.callsLlm = true;
  const opts = model.clientOptions;
  const keyTargets = opts.apiKey.map((p) => argPath(ctx, p)).filter((t): t is { value: Value; node: ts.Node } => !!t);
  // Hard-coded keys: at the literal, wherever it was written.
  for (const t of keyTargets) reportKeyLiterals(ctx, t.value, model);
  // Browser exposure.
  const flag = opts.browser.map((p) => argPath(ctx, p)).find((t) => t && t.value.parts?.[0]?.lit === 'true');
  const key = keyTargets[0];
  // Only a key we can see is a real one: a literal, an environment variable, or none (the SDK reads its env var).
  // A key from a parameter, a field or state is supplied at run time (bring your own key).
  const knownKey = !key || !!key.value.env || !!key.value.literals?.length;
  const byok = !knownKey || (!!key && (key.value.userSupplied || (deepFlows(key.value).some((f) => f.kind === 'untrusted') && !key.value.env)));
  const publicKey = !!key && !!key.value.env?.isPublic;
  const browserModule = ctx.scope.module.useClient;
  if (flag && !byok) {
    interp.reporter.report({ rule: 'browser-exposed-llm-key', node: flag.node, detail: model.name, fixes: removeBrowserFlagFix(flag.node) });
  } else if (!flag && key && !byok && (publicKey || (browserModule && (key.value.env || key.value.literals)))) {
    interp.reporter.report({ rule: 'browser-exposed-llm-key', node: keyNode(key.node), detail: model.name });
  }
  // Transport.
  for (const p of opts.baseUrl) {
    const t = argPath(ctx, p);
    if (!t) continue;
    for (const lit of t.value.literals ?? []) {
      if (insecureHttpUrl(lit.text)) interp.reporter.report({ rule: 'insecure-llm-transport', node: lit, detail: lit.text });
    }
  }
  for (const p of opts.httpAgent) {
    const t = argPath(ctx, p);
    const tls = t && findInsecureTls(t.value);
    if (tls) interp.reporter.report({ rule: 'insecure-llm-transport', node: tls, detail: 'TLS certificate verification is disabled' });
  }
  let capped = false;
  if (opts.maxTokens.length) capped = checkMaxTokens(ctx, ref, opts.maxTokens, opts.maxTokens[0].path, ctx.node);
  const modelIds = ['0.model', '0.modelName', '0.modelId'].flatMap((p) => modelIdsOf(argPath(ctx, p)?.value));
  return { flows: [], sdk: { ...ref, kind: 'client', path: [], client: { node: ctx.node, capped, modelIds } } };
}

function keyNode(node: ts.Node): ts.Node {
  return ts.isPropertyAssignment(node) ? node.initializer : node;
}

function findInsecureTls(v: Value, depth = 0): ts.Node | undefined {
  if (v.insecureTls) return v.insecureTls;
  if (depth > 3 || !v.props) return undefined;
  for (const p of v.props.values()) {
    const found = findInsecureTls(p, depth + 1);
    if (found) return found;
  }
  return undefined;
}

export function reportKeyLiterals(ctx: CallCtx, value: Value, model: SdkModel | undefined): void {
  for (const lit of value.literals ?? []) {
    if (!looksLikeSecretToken(lit.text)) continue;
    const known = knownKeyProvider(lit.text);
    const envKey = model?.envKey ?? known?.envKey;
    ctx.interp.reporter.report({ rule: 'hardcoded-llm-key', node: lit, detail: known?.provider ?? model?.name ?? 'LLM provider', fixes: keyFix(lit, envKey) });
  }
}

// ---------------------------------------------------------------- raw HTTP to provider APIs

/** fetch(url, init) / axios.post(url, body, config) to a provider host: an LLM call. */
/** Paths of the common LLM HTTP APIs, served by self-hosted models too (vLLM, LM Studio, LiteLLM, Ollama). */
const API_PATHS: [RegExp, string][] = [
  [/\/v1\/(chat\/completions|completions|responses)\b/, 'openai'],
  [/\/v1\/messages\b/, 'anthropic'],
  [/:11434\/api\/(chat|generate)\b/, 'ollama'],
];

/** The URL with its unknown pieces as 'x': `https://${resource}.openai.azure.com/...` → https://x.openai.azure.com/... */
function urlShape(url: Value | undefined): string {
  if (!url?.parts) return literalPrefix(url);
  return url.parts.map((p) => (p.lit !== undefined ? p.lit : 'x')).join('');
}

function providerForUrl(ctx: CallCtx, url: Value | undefined): SdkModel | undefined {
  const prefix = urlShape(url);
  const host = hostOf(prefix);
  if (!host) return undefined;
  const byHost = ctx.interp.knowledge.sdks.find((m) => m.hosts.some((h) => host === h || host.endsWith(`.${h}`)));
  if (byHost) return byHost;
  const byPath = API_PATHS.find(([re]) => re.test(prefix));
  return byPath ? ctx.interp.knowledge.sdks.find((m) => m.id === byPath[1]) : undefined;
}

/** `axios.create({ baseURL: 'https://api.groq.com/...' })`: an HTTP client bound to a provider. */
export function providerHttpClient(ctx: CallCtx): Value | undefined {
  const config = ctx.args[0];
  const base = config?.props?.get('baseURL');
  const model = providerForUrl(ctx, base);
  const instance: Value = { flows: [], module: { spec: ctx.callee.module!.spec, path: [] }, httpConfig: config };
  if (!model || !config) return instance;
  ctx.scope.module.callsLlm = true;
  for (const lit of base?.literals ?? []) if (insecureHttpUrl(lit.text)) ctx.interp.reporter.report({ rule: 'insecure-llm-transport', node: lit, detail: lit.text });
  const tls = findInsecureTls(config);
  if (tls) ctx.interp.reporter.report({ rule: 'insecure-llm-transport', node: tls, detail: 'TLS certificate verification is disabled' });
  const headers = config.props?.get('headers');
  if (headers) reportHeaderKeys(ctx, headers, model);
  return { ...instance, providerCall: model };
}

export function rawProviderCall(ctx: CallCtx): Value | undefined {
  const url = ctx.args[0];
  if (!url) return undefined;
  const prefix = literalPrefix(url);
  const model = providerForUrl(ctx, url) ?? ctx.receiver?.providerCall;
  if (!model) return undefined;
  const { interp } = ctx;
  markLlmCall(ctx);
  const isAxiosBody = ctx.method === 'post' || ctx.method === 'put' || ctx.method === 'patch';
  const init = isAxiosBody ? ctx.args[2] : ctx.args[1];
  const body = isAxiosBody ? ctx.args[1] : init?.props?.get('body') ?? init?.props?.get('data');
  const headers = init?.props?.get('headers');
  interp.inventory.call(ctx.node, { sdk: model.name, module: ctx.callee.module?.spec === '<global>' ? 'fetch' : ctx.callee.module?.spec ?? 'fetch', call: prefix || 'fetch', kind: 'raw-http', modelIds: modelIdsOf(body?.props?.get('model')) });
  // http:// to the provider
  for (const lit of url.literals ?? []) if (insecureHttpUrl(lit.text)) interp.reporter.report({ rule: 'insecure-llm-transport', node: lit, detail: lit.text });
  if (!url.literals && /^http:\/\//i.test(prefix) && ctx.argNodes[0]) interp.reporter.report({ rule: 'insecure-llm-transport', node: ctx.argNodes[0], detail: prefix });
  // keys in the URL (?key=AIza...) or in headers
  for (const lit of url.literals ?? []) {
    const m = /[?&](?:key|api_key|apikey)=([^&#]+)/.exec(lit.text);
    if (m && looksLikeSecretToken(m[1])) interp.reporter.report({ rule: 'hardcoded-llm-key', node: lit, detail: model.name });
  }
  if (url.parts) {
    for (const part of url.parts) if (part.value?.env?.isPublic) reportPublicKey(ctx, part.value.env.node, model);
  }
  if (headers) reportHeaderKeys(ctx, headers, model);
  // Options given where the HTTP client was created (axios.create) apply to every request it sends.
  const instanceConfig = ctx.receiver?.providerCall ? undefined : ctx.receiver?.httpConfig;
  if (instanceConfig?.props?.get('headers')) reportHeaderKeys(ctx, instanceConfig.props.get('headers')!, model);
  const tls = (init && findInsecureTls(init)) ?? (instanceConfig && findInsecureTls(instanceConfig));
  if (tls) interp.reporter.report({ rule: 'insecure-llm-transport', node: tls, detail: 'TLS certificate verification is disabled' });
  if (body && model.http) {
    const bodyCtx: CallCtx = { ...ctx, args: [body], argNodes: ts.factory.createNodeArray([ctx.argNodes[isAxiosBody ? 1 : 1] ?? ctx.node]) as ts.NodeArray<ts.Expression> };
    checkSlots(bodyCtx, model.http.slots.map(([p, k]) => [`0.${p}`, k]), model.name);
    // Only generation endpoints take an output cap (not embeddings, moderation, images, files).
    const generation = !/\/(embeddings|moderations|images|audio|files|models|fine_tuning|batches|embed|rerank|tokenize)\b/.test(urlShape(url));
    if (body.props && generation) {
      const present = model.http.maxTokens.some((p) => presence(bodyCtx, `0.${p}`) !== 'absent');
      if (!present) interp.reporter.report({ rule: 'missing-max-tokens', node: ctx.node, detail: model.http.maxTokens[0] });
    }
  }
  return { flows: [source('llm-output', ctx.node, `${shortText(ctx.node, 50)} (model output)`)] };
}

function reportHeaderKeys(ctx: CallCtx, headers: Value, model: SdkModel): void {
  for (const [name, value] of headers.props ?? []) {
    if (!/^(authorization|x-api-key|api-key|x-goog-api-key|anthropic-api-key)$/i.test(name)) continue;
    reportKeyLiterals(ctx, value, model);
    const env = value.env ?? value.parts?.find((p) => p.value?.env)?.value?.env;
    const node = headers.propNodes?.get(name);
    if (env && node && (env.isPublic || ctx.scope.module.useClient)) reportPublicKey(ctx, ts.isPropertyAssignment(node) ? node.initializer : node, model);
  }
}

function reportPublicKey(ctx: CallCtx, node: ts.Node, model: SdkModel): void {
  ctx.interp.reporter.report({ rule: 'browser-exposed-llm-key', node, detail: model.name });
}
