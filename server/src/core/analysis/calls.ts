// Calls and `new`: dispatch to SDK models, user functions, classes, built-ins, sinks, sanitizers,
// sources and HTTP frameworks; otherwise taint flows from arguments and receiver to the result.
import { ts } from '../ts';
import type { Interpreter } from './interpreter';
import type { Scope } from './scope';
import { requireBinding, packageBinding } from './imports';
import { memberOf, findMember, REQUEST_METHODS } from './members';
import { concat, elementOf, partsOf } from './builtins';
import { sdkCall, rawProviderCall, markLlmCall, providerHttpClient } from './sdk';
import { checkTemplateVars } from './prompts';
import { schemaCall } from './schema';
import { checkCallSinks, sanitizerFor } from './sinks';
import { httpCall, isHttpFactory, trpcCall } from './http';
import { guardKindOfCall, isApprovalCall, isGuardGetter } from './guards';
import type { GuardKind } from './values';
import { shortText } from './reporter';
import { moduleMatches } from '../knowledge/models';
import { EMPTY, clear, deepFlows, dropKinds, fresh, join, source, stringOf, withStep, type Value } from './values';

const ARRAY_CALLBACK_METHODS = new Set(['map', 'flatMap', 'forEach', 'filter', 'find', 'findLast', 'some', 'every', 'reduce', 'reduceRight', 'sort', 'findIndex']);
const STRING_METHODS = new Set([
  'trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'slice', 'substring', 'substr', 'replace', 'replaceAll',
  'padStart', 'padEnd', 'normalize', 'toString', 'valueOf', 'at', 'charAt', 'split', 'repeat', 'concat', 'join', 'toLocaleString',
  'toJSON', 'flat', 'reverse', 'toReversed', 'toSorted', 'entries', 'values', 'keys',
]);
/**
 * Chat bots and sockets: what their event callbacks receive was sent by someone else (a Discord or Telegram
 * message, a socket.io or WebSocket payload, a Slack event). `.on`/`.once` on a client of these modules, and Slack
 * Bolt's listener methods.
 */
const MESSAGE_EVENT_MODULES = /^(discord\.js|socket\.io|ws|isomorphic-ws|telegraf|grammy|node-telegram-bot-api|tmi\.js|@slack\/bolt|@slack\/socket-mode|whatsapp-web\.js|@whiskeysockets\/baileys)$/;
const SLACK_LISTENERS = new Set(['message', 'event', 'command', 'action', 'shortcut', 'view', 'options']);

const H3_READERS = /^(readBody|readRawBody|readFormData|readMultipartFormData|readValidatedBody|getQuery|getValidatedQuery|getRouterParams?|getValidatedRouterParams|getHeaders?|getRequestHeaders?|getCookie|parseCookies|getRequestURL)$/;

const RETRIEVAL_METHODS = /^(similaritySearch\w*|maxMarginalRelevanceSearch|getRelevantDocuments|_getRelevantDocuments|retrieve|search|query|semanticSearch|hybridSearch)$/;
const RETRIEVAL_RECEIVER = /vector|store|retriever|index|collection|pinecone|chroma|qdrant|weaviate|milvus|embedding|knowledge|kb|rag|docs/i;

export function evalCall(interp: Interpreter, node: ts.CallExpression | ts.NewExpression, scope: Scope): Value {
  const isNew = ts.isNewExpression(node);
  const calleeExpr = node.expression;
  const argNodes = node.arguments ?? ts.factory.createNodeArray<ts.Expression>();

  if (!isNew && ts.isCallExpression(node)) {
    if (calleeExpr.kind === ts.SyntaxKind.ImportKeyword && argNodes[0] && ts.isStringLiteralLike(argNodes[0])) {
      return moduleValue(interp, scope, argNodes[0].text);
    }
    if (ts.isIdentifier(calleeExpr) && calleeExpr.text === 'require' && !scope.lookup('require') && argNodes[0] && ts.isStringLiteralLike(argNodes[0])) {
      return requireBinding(interp, scope.module, argNodes[0].text);
    }
  }

  let receiver: Value | undefined;
  let method: string | undefined;
  let callee: Value;
  if (ts.isPropertyAccessExpression(calleeExpr)) {
    receiver = interp.evalExpr(calleeExpr.expression, scope);
    method = calleeExpr.name.text;
    callee = memberOf(interp, receiver, method, calleeExpr, scope);
  } else if (ts.isElementAccessExpression(calleeExpr) && ts.isStringLiteralLike(calleeExpr.argumentExpression)) {
    receiver = interp.evalExpr(calleeExpr.expression, scope);
    method = calleeExpr.argumentExpression.text;
    callee = memberOf(interp, receiver, method, calleeExpr, scope);
  } else {
    callee = interp.evalExpr(calleeExpr, scope);
  }

  const args: Value[] = [];
  for (const a of argNodes) {
    if (ts.isSpreadElement(a)) {
      const v = interp.evalExpr(a.expression, scope);
      if (v.elements) args.push(...v.elements);
      else args.push(v);
    } else {
      args.push(interp.evalExpr(a, scope));
    }
  }

  const ctx: CallCtx = { interp, node, scope, isNew, receiver, method, callee, args, argNodes };
  ctx.guard = guardKindOfCall(interp, ctx);
  let result = dispatchCall(ctx);
  if (ctx.guard && isGuardGetter(ctx) && result !== EMPTY) result = { ...result, guardRef: ctx.guard };
  const tls = insecureTlsOption(args) ?? args.map((a) => a.insecureTls ?? [...(a.props?.values() ?? [])].find((p) => p.insecureTls)?.insecureTls).find((n) => n);
  if (tls && result !== EMPTY && !Object.isFrozen(result)) return { ...result, insecureTls: tls };
  return result;
}

/** `{ rejectUnauthorized: false }` (also under `connect`/`tls`/`https`) in an agent's or client's options. */
function insecureTlsOption(args: Value[]): ts.Node | undefined {
  for (const a of args) {
    for (const holder of [a, a.props?.get('connect'), a.props?.get('tls'), a.props?.get('https')]) {
      const v = holder?.props?.get('rejectUnauthorized');
      if (v?.parts?.length === 1 && v.parts[0].lit === 'false') return holder!.propNodes?.get('rejectUnauthorized');
    }
  }
  return undefined;
}

function dispatchCall(ctx: CallCtx): Value {
  const { interp, node, scope, isNew, receiver, method, callee, args } = ctx;
  const calleeExpr = node.expression;

  // Authentication and rate-limit checks are effects of the enclosing entry point.
  const guard = ctx.guard;
  // getServerSession()/auth()/ratelimit.limit() only protect when their result is checked (see execIf);
  // requireAuth()/auth.protect()/jwt.verify() protect by themselves.
  const getter = guard !== undefined && isGuardGetter(ctx);
  if (guard && !getter && scope.frame) scope.frame.effects.guards.add(guard);
  if (scope.frame && isApprovalCall(ctx)) {
    scope.frame.approved = true;
    if (scope.frame.tool) scope.frame.tool.approved = true;
  }

  checkCallSinks(ctx);

  if (callee.sdk) return sdkCall(ctx);
  if (callee.stateOf) return setState(ctx, callee.stateOf);

  // (Before schemas: `procedure.input(z.object(...))` carries the schema it was given.)
  const procedure = trpcCall(ctx);
  if (procedure) return procedure;

  const schema = schemaCall(ctx);
  if (schema) return schema;

  const httpResult = httpCall(ctx);
  if (httpResult) return httpResult;

  if (callee.classDecl && isNew) return instantiate(ctx, callee);

  if (callee.fns && callee.fns.length > 0) {
    const results = callee.fns.map((fn) => interp.invoke(fn, args, node, scope));
    let result = join(...results);
    const sanitized = sanitize(ctx, result);
    if (sanitized) result = sanitized;
    if (guard) result = { ...result, guards: new Set([...(result.guards ?? []), guard]) };
    return result;
  }

  const sanitized = sanitize(ctx, joinFlows(args));
  if (sanitized) return sanitized;

  const sourced = configuredSource(ctx);
  if (sourced) return sourced;

  if (receiver && method && (receiver.template || receiver.chain)) return templateCall(ctx);

  const builtin = builtinCall(ctx);
  if (builtin) {
    if (guard) builtin.guards = new Set([...(builtin.guards ?? []), guard]);
    return builtin;
  }

  // Unknown function: taint flows from the arguments and the receiver to the result.
  // Only when a callback is passed: elementOf looks into the whole receiver.
  if (args.some((a) => a.fns)) invokeCallbacks(ctx, receiver ? elementOf(receiver) : fresh());
  // Credentials handed to a constructor or in an options object configure a client; they are not in what it returns.
  // A lookup by key (getIntake(req.params.id), findUser(email)) returns stored records, not the caller's text.
  const lookup = isLookupName(calleeName(ctx));
  const argFlows = args.flatMap((a) => (lookup ? [] : isNew || a.props ? dropKinds(deepFlows(a), ['secret', 'pii']) : deepFlows(a)));
  const flows = [...callee.flows, ...(receiver ? dropKinds(deepFlows(receiver), receiver.props || receiver.module ? ['secret', 'pii'] : []) : []), ...argFlows];
  const result: Value = { flows: flows.length ? withStep({ flows }, node, `through ${shortText(calleeExpr, 40)}()`).flows : [] };
  if (callee.module) result.module = { spec: callee.module.spec, path: [...callee.module.path, '()'] };
  if (callee.dbClient || (callee.module && isDbModule(callee.module.spec))) {
    result.dbClient = true;
    result.flows = []; // database results are not the request's text
  }
  if (guard) result.guards = new Set([guard]);
  // zodResponseFormat(Schema, 'name'), Output.object({ schema }): wrappers that carry the schema.
  const schemaArg = args.find((a) => a.schema) ?? args.find((a) => a.props?.get('schema')?.schema)?.props?.get('schema');
  if (schemaArg?.schema) result.schema = schemaArg.schema;
  if (callee.userSupplied || receiver?.userSupplied) result.userSupplied = true;
  // Wrappers such as withAuth(handler) return the handler.
  const fnArg = args.find((a) => a.fns && a.fns.length > 0);
  if (fnArg && !receiver) result.fns = fnArg.fns!.map((f) => ({ ...f, guards: new Set([...(f.guards ?? []), ...(fnArg.guards ?? []), ...(guard ? [guard] : [])]) }));
  return result;
}

export interface CallCtx {
  interp: Interpreter;
  node: ts.CallExpression | ts.NewExpression;
  scope: Scope;
  isNew: boolean;
  receiver?: Value;
  method?: string;
  callee: Value;
  args: Value[];
  argNodes: ts.NodeArray<ts.Expression>;
  /** Whether the call authenticates or rate-limits (computed once per call). */
  guard?: GuardKind;
}

/** Sources declared as data (rules/security.yaml and the workspace configuration). */
function configuredSource(ctx: CallCtx): Value | undefined {
  const mod = ctx.callee.module;
  const fn = mod ? mod.path.filter((p) => p !== 'default').pop() ?? 'default' : undefined;
  const receiverName = ts.isPropertyAccessExpression(ctx.node.expression) ? ctx.node.expression.expression.getText().split('.').pop() : undefined;
  for (const src of ctx.interp.knowledge.sources) {
    const byFunction = src.module && src.function && mod && moduleMatches(mod.spec, src.module) && fn !== undefined && src.function.includes(fn);
    const byMethod = src.method && ctx.method && src.method.includes(ctx.method) && (!src.receiverNames || (receiverName !== undefined && src.receiverNames.includes(receiverName))) && (!src.module || (!!ctx.receiver?.module && moduleMatches(ctx.receiver.module.spec, src.module)));
    if (byFunction || byMethod) return { flows: [source(src.kind, ctx.node, `${shortText(ctx.node, 50)} (${src.label ?? src.kind})`)] };
  }
  return undefined;
}

function moduleValue(interp: Interpreter, scope: Scope, spec: string): Value {
  const target = interp.ws.resolveImport(spec, scope.module.file);
  if (target) return interp.namespaceOf(target);
  return packageBinding(interp, spec, '*');
}

function joinFlows(values: Value[]): Value {
  return { flows: values.flatMap((v) => deepFlows(v)) };
}

const LOOKUP = /^(get|find|fetch|load|lookup|read|query|select|retrieve|count|exists|has)([A-Z_]|$)|^(findUnique|findFirst|findMany|findOne|findById|findAll)$/;

function isLookupName(name: string): boolean {
  return LOOKUP.test(name) && name !== 'fetch';
}

export function isDbModule(spec: string): boolean {
  return /^(pg|mysql2?(\/promise)?|sqlite3?|better-sqlite3|knex|sequelize|@prisma\/client|postgres|@neondatabase\/serverless|@vercel\/postgres|@planetscale\/database|@libsql\/client|kysely|typeorm|mssql|oracledb|duckdb|pg-promise|drizzle-orm(\/.*)?|mongodb|mongoose|redis|ioredis)$/.test(spec);
}

function calleeName(ctx: CallCtx): string {
  if (ctx.method) return ctx.method;
  const e = ctx.node.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ctx.callee.module) return ctx.callee.module.path[ctx.callee.module.path.length - 1] ?? '';
  return '';
}

/** Sanitizers by name: the result keeps the argument's structure but its taint is cleared. */
function sanitize(ctx: CallCtx, value: Value): Value | undefined {
  const name = calleeName(ctx);
  if (!name) return undefined;
  const s = sanitizerFor(ctx.interp, name, ctx);
  if (!s) return undefined;
  const base = joinFlows(ctx.args.length ? ctx.args : [value]);
  if (s.includes('all')) return { flows: [], parts: base.flows.length ? undefined : undefined };
  if (s.includes('secret') || s.includes('pii')) return { flows: dropKinds(base.flows, ['secret', 'pii']) };
  return { flows: clear(base.flows, s) };
}

/** `new C(...args)` done by a framework rather than in the code (dependency injection). */
export function construct(interp: Interpreter, classValue: Value, args: Value[], at: ts.Node, scope: Scope): Value {
  const node = at as unknown as ts.NewExpression; // only a location: instantiate reads no part of the node itself
  return instantiate({ interp, node, scope, isNew: true, callee: classValue, args, argNodes: ts.factory.createNodeArray<ts.Expression>() }, classValue);
}

function instantiate(ctx: CallCtx, classValue: Value): Value {
  const cls = classValue.classDecl!;
  const instance: Value = { flows: [], props: new Map(), propNodes: new Map(), instanceOf: cls, classScope: classValue.classScope };
  const scope = classValue.classScope as Scope;
  // Field initialisers, then the constructor.
  for (const m of cls.members) {
    if (ts.isPropertyDeclaration(m) && m.initializer && !m.modifiers?.some((x) => x.kind === ts.SyntaxKind.StaticKeyword)) {
      const name = m.name.getText();
      if (!ts.isArrowFunction(m.initializer) && !ts.isFunctionExpression(m.initializer)) {
        const inner = new (scope.constructor as typeof import('./scope').Scope)(scope, scope.module, ctx.scope.frame, instance);
        instance.props!.set(name, ctx.interp.evalExpr(m.initializer, inner));
        instance.propNodes!.set(name, m);
      }
    }
  }
  const ctor = cls.members.find(ts.isConstructorDeclaration);
  if (ctor) {
    // Parameter properties: constructor(private client: OpenAI)
    ctor.parameters.forEach((p, i) => {
      if (p.modifiers?.length && ts.isIdentifier(p.name)) instance.props!.set(p.name.text, ctx.args[i] ?? fresh());
    });
    ctx.interp.invoke({ decl: ctor, scope, thisValue: instance }, ctx.args, ctx.node, ctx.scope, { name: `${cls.name?.text ?? 'class'} constructor` });
  }
  // A class extending a known base (e.g. LangChain Tool) keeps its heritage for the tool checks.
  return instance;
}

function invokeCallbacks(ctx: CallCtx, element: Value): void {
  ctx.args.forEach((a) => {
    if (!a.fns) return;
    for (const fn of a.fns) ctx.interp.invoke(fn, [element, fresh(), fresh()], ctx.node, ctx.scope);
  });
}

/** Built-in objects and methods whose effect on taint is known. */
function builtinCall(ctx: CallCtx): Value | undefined {
  const { interp, receiver, method, callee, args, node } = ctx;
  const path = callee.module?.path.join('.') ?? '';
  const spec = callee.module?.spec;

  // h3 (Nuxt / Nitro) readers of the event: readBody(event), getQuery(event), getRouterParam(event, 'id'), ...
  if (H3_READERS.test(calleeName(ctx)) && args[0]?.special === 'request') {
    return { flows: [source('untrusted', node, `${shortText(node, 50)} (HTTP request data)`)] };
  }
  // Request methods: req.json(), c.req.query('q'), formData.get(...)
  if (callee.special === 'request' && callee.module?.spec === '<request>' && REQUEST_METHODS.has(path)) {
    return { flows: [source('untrusted', node, `${shortText(node, 50)} (HTTP request data)`)] };
  }
  if (receiver?.special === 'json') {
    if (method === 'stringify') {
      const out = stringOf([{ value: args[0] ?? fresh() }], deepFlows(args[0]));
      if (args[0]?.props) {
        out.props = args[0].props;
        out.propNodes = args[0].propNodes;
      }
      return out;
    }
    if (method === 'parse') return { flows: deepFlows(args[0]), props: args[0]?.props };
  }
  if (receiver?.special === 'object-ctor') {
    if (method === 'assign' || method === 'fromEntries') {
      const target = args[0] ?? fresh();
      for (const src of args.slice(1)) if (src.props && target !== EMPTY) for (const [k, v] of src.props) (target.props ??= new Map()).set(k, v);
      return join(...args);
    }
    if (method === 'keys') return fresh();
    if (method === 'values' || method === 'entries') return { flows: deepFlows(args[0]), elements: args[0]?.props ? [...args[0].props.values()] : undefined };
  }
  if (receiver?.special === 'promise' || spec === '<global>' && path.startsWith('Promise')) {
    if (method === 'all' || method === 'allSettled') return { flows: [], elements: args[0]?.elements, special: 'promise' };
    if (method === 'resolve') return args[0] ?? fresh();
  }
  if (spec === '<global>') {
    if (path === 'String' || path === 'Array.from' || path === 'decodeURIComponent' || path === 'Buffer.from' || path === 'URL' || path === 'URLSearchParams' || path === 'Request') {
      return { flows: deepFlows(args[0]), parts: args[0]?.parts };
    }
    if (path === 'localStorage.getItem' || path === 'sessionStorage.getItem' || path === 'window.localStorage.getItem' || path === 'prompt' || path === 'window.prompt') {
      return { flows: [], userSupplied: true };
    }
    if (path === 'fetch') return fetchCall(ctx);
  }
  if (spec === 'util' || spec === 'node:util') {
    if (path === 'promisify') return args[0] ?? fresh();
  }
  if (spec === 'axios' && path === 'create') return providerHttpClient(ctx);
  if (spec && /^(axios|node-fetch|undici|got|ky|cross-fetch)$/.test(spec)) return fetchCall(ctx);
  if (spec && /^(node:)?fs(\/promises)?$|^fs-extra$/.test(spec) && /^(readFile|readFileSync|readJson|readJSON|createReadStream)$/.test(callee.module!.path[callee.module!.path.length - 1] ?? '')) {
    return { flows: [source('retrieved', node, `${shortText(node, 50)} (file contents)`)] };
  }
  // React state: const [key, setKey] = useState('') holds what the user typed.
  if (spec === 'react' && /^(useState|useRef|useReducer)$/.test(path)) return reactState(ctx);
  // useMemo(() => value, deps) is the callback's value; useCallback(fn, deps) is fn. The deps do not flow.
  if (spec === 'react' && path === 'useMemo') return join(...(args[0]?.fns ?? []).map((fn) => interp.invoke(fn, [], node, ctx.scope)));
  if (spec === 'react' && path === 'useCallback') return args[0] ?? fresh();
  // const [state, formAction] = useActionState(serverAction, initial): state is what the action returns.
  if ((spec === 'react' || spec === 'react-dom') && /^(useActionState|useFormState)$/.test(path)) {
    const returned = join(...(args[0]?.fns ?? []).map((fn) => interp.invoke(fn, [args[1] ?? fresh(), { flows: [], userSupplied: true }], node, ctx.scope)), args[1]);
    return { flows: [], elements: [returned, fresh(), fresh()] };
  }
  if (spec === 'react' && /^(useEffect|useLayoutEffect)$/.test(path)) {
    for (const fn of args[0]?.fns ?? []) interp.invoke(fn, [], node, ctx.scope);
    return fresh();
  }
  // Methods of plain values (strings, arrays, promises); a module's functions (path.join) are not these.
  if (receiver && method && !(receiver.module && !receiver.module.path.includes('()'))) {
    if (method === 'then' || method === 'finally') {
      let out: Value = receiver;
      for (const a of args.slice(0, 1)) if (a.fns) out = join(...a.fns.map((fn) => interp.invoke(fn, [receiver], node, ctx.scope)));
      return out;
    }
    if (method === 'catch') return receiver;
    if (ARRAY_CALLBACK_METHODS.has(method)) {
      const element = elementOf(receiver);
      const results = args[0]?.fns?.map((fn) => interp.invoke(fn, [element, fresh(), receiver], node, ctx.scope)) ?? [];
      if (method === 'map' || method === 'flatMap') return { flows: [], elements: results.length ? [join(...results)] : [] };
      if (method === 'filter' || method === 'sort' || method === 'find' || method === 'findLast') return receiver.elements ? { flows: receiver.flows, elements: receiver.elements } : receiver;
      if (method === 'reduce' || method === 'reduceRight') return join(...results, args[1]);
      return fresh();
    }
    if (method === 'push' || method === 'unshift') {
      if (receiver !== EMPTY && !Object.isFrozen(receiver)) receiver.elements = [...(receiver.elements ?? []), ...args];
      return fresh();
    }
    if (method === 'join') {
      const parts = receiver.elements?.length ? receiver.elements.flatMap((e, i) => (i ? [{ lit: '\n' }, ...partsOf(e)] : partsOf(e))) : [{ value: receiver }];
      return stringOf(parts, deepFlows(receiver));
    }
    if (method === 'concat') return receiver.elements ? { flows: receiver.flows, elements: [...receiver.elements, ...args.flatMap((a) => a.elements ?? [a])] } : args.reduce((acc, a) => concat(acc, a), receiver);
    if (method === 'set' && receiver.module?.spec === '<global>') return fresh();
    if ((method === 'replace' || method === 'replaceAll') && ctx.argNodes[0] && ts.isRegularExpressionLiteral(ctx.argNodes[0]) && /^\/\[\^[A-Za-z0-9_\\-]+\][+*]?\/[gimsuy]*$/.test(ctx.argNodes[0].text)) {
      // slug = s.replace(/[^a-z0-9]+/g, '-'): only letters, digits, '-' and '_' remain — safe in paths, shells, SQL, HTML.
      return { flows: clear(deepFlows(receiver), ['code', 'shell', 'file-read', 'file-write', 'sql', 'html', 'redirect', 'network']) };
    }
    if (STRING_METHODS.has(method)) {
      const flows = [...deepFlows(receiver), ...(method === 'replace' || method === 'replaceAll' || method === 'concat' ? args.slice(1).flatMap((a) => deepFlows(a)) : [])];
      return { flows, parts: method === 'trim' || method === 'toString' ? receiver.parts : undefined, elements: method === 'split' ? [{ flows }] : undefined };
    }
    // Retrieved documents: vector stores, retrievers, web loaders.
    if (RETRIEVAL_METHODS.test(method) && (RETRIEVAL_RECEIVER.test(receiverText(node)) || /^similaritySearch|getRelevantDocuments|maxMarginal/.test(method))) {
      invokeCallbacks(ctx, fresh());
      return { flows: [source('retrieved', node, `${shortText(node, 50)} (retrieved documents)`)] };
    }
    if ((method === 'invoke' || method === 'load' || method === 'loadAndSplit') && /retriever|loader/i.test(receiverText(node))) {
      return { flows: [source('retrieved', node, `${shortText(node, 50)} (retrieved documents)`)] };
    }
    if ((method === 'on' || method === 'once' || method === 'addEventListener') && deepFlows(receiver).length > 0) {
      invokeCallbacks(ctx, { flows: deepFlows(receiver) });
      return fresh();
    }
    const eventsOf = receiver.module && MESSAGE_EVENT_MODULES.test(receiver.module.spec) ? receiver.module : undefined;
    if (eventsOf && (method === 'on' || method === 'once' || (eventsOf.spec === '@slack/bolt' && SLACK_LISTENERS.has(method)))) {
      // Each argument of the callback is the sender's data; it keeps the module, so `socket.on(...)` inside
      // `io.on('connection', (socket) => ...)` is followed too.
      const event = ctx.argNodes[0] && ts.isStringLiteralLike(ctx.argNodes[0]) ? ctx.argNodes[0].text : method;
      invokeCallbacks(ctx, { flows: [source('untrusted', node, `${event} event data (${eventsOf.spec})`)], module: eventsOf });
      return fresh();
    }
    if (receiver.special === 'request' && (method === 'on' || method === 'once')) {
      const data = { flows: [source('untrusted', node, `${shortText(node, 40)} (HTTP request body stream)`)] };
      invokeCallbacks(ctx, data);
      return fresh();
    }
  }
  if (ctx.isNew && callee.module && /Loader$/.test(callee.module.path[callee.module.path.length - 1] ?? '')) {
    return { flows: [], module: { spec: callee.module.spec, path: ['Loader'] }, props: new Map([['load', { flows: [], fns: undefined }]]) };
  }
  if (isHttpFactory(ctx)) return undefined;
  return undefined;
}

const RUN_METHODS = new Set(['invoke', 'stream', 'batch', 'call', 'run', 'streamEvents', 'streamLog', 'format', 'formatMessages', 'formatPromptValue']);

/** LangChain prompt templates and chains: `prompt.pipe(model)`, `chain.invoke({ var: value })`. */
function templateCall(ctx: CallCtx): Value {
  const receiver = ctx.receiver!;
  const template = receiver.template ?? receiver.chain?.template;
  const llm = !!receiver.chain?.llm;
  if (ctx.method === 'pipe') {
    const next = ctx.args[0];
    return { flows: [], chain: { template, llm: llm || next?.sdk?.kind === 'client' || !!next?.chain?.llm, modelIds: receiver.chain?.modelIds ?? next?.sdk?.client?.modelIds ?? next?.chain?.modelIds } };
  }
  if (RUN_METHODS.has(ctx.method!)) {
    if (template) checkTemplateVars(ctx.interp, template, ctx.args[0], ctx.argNodes[0], ctx.node);
    if (llm) {
      markLlmCall(ctx);
      ctx.interp.inventory.call(ctx.node, { sdk: 'LangChain', module: 'langchain', call: `chain.${ctx.method}`, kind: 'prompt', modelIds: receiver.chain?.modelIds ?? [] });
      return { flows: [source('llm-output', ctx.node, `${shortText(ctx.node.expression, 50)}() (model output)`)] };
    }
    return { flows: clear(deepFlows(ctx.args[0]), ['prompt']) };
  }
  return receiver;
}

/**
 * React state: one value per useState call site, shared by every run of the component. Its setter merges
 * what it is given, and a component whose state changed is run again so its JSX sees the new value.
 */
function reactState(ctx: CallCtx): Value {
  const { interp, node } = ctx;
  let state = interp.reactState.get(node);
  if (!state) {
    state = { flows: [], userSupplied: true };
    interp.reactState.set(node, state);
  }
  if (ctx.scope.frame) ctx.scope.frame.usesState = true;
  const setter: Value = { flows: [], stateOf: node } as Value;
  return { flows: [], elements: [state, setter] };
}

export function setState(ctx: CallCtx, stateNode: ts.Node): Value {
  const state = ctx.interp.reactState.get(stateNode);
  const arg = ctx.args[0];
  if (!state || !arg || arg.fns) return fresh();
  const flows = deepFlows(arg).filter((f) => !state.flows.some((g) => g.kind === f.kind));
  if (flows.length) {
    state.flows = [...state.flows, ...flows];
    state.userSupplied = false;
    ctx.interp.stateVersion++;
  }
  return fresh();
}

function receiverText(node: ts.CallExpression | ts.NewExpression): string {
  const e = node.expression;
  if (ts.isPropertyAccessExpression(e)) return e.expression.getText();
  return '';
}

/** fetch/axios: to a provider host it is an LLM call; elsewhere its response is retrieved content. */
function fetchCall(ctx: CallCtx): Value {
  const provider = rawProviderCall(ctx);
  if (provider) return provider;
  invokeCallbacks(ctx, fresh());
  return { flows: [source('retrieved', ctx.node, `${shortText(ctx.node, 50)} (fetched content)`)] };
}

export { findMember };
