// HTTP entry points registered on framework apps (express, fastify, hono, koa, node:http): routes,
// middleware and mounts, and — once everything is evaluated — which routes that reach an LLM lack
// rate limiting or authentication.
import { ts } from '../ts';
import type { Interpreter } from './interpreter';
import type { CallCtx } from './calls';
import type { Scope } from './scope';
import { guardKindOfMiddleware } from './guards';
import { rateLimitFix } from '../fixes';
import { fresh, source, type GuardKind, type HttpApp, type HttpRoute, type Value } from './values';
import { applySchema } from './schema';
import type { EntryPointInfo } from '../types';

const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'options', 'head', 'any', 'on']);
const FACTORIES: Record<string, { paths: string[][]; framework: string; needsNew?: boolean }> = {
  express: { paths: [[], ['Router'], ['default'], ['default', 'Router']], framework: 'express' },
  fastify: { paths: [[], ['default'], ['fastify'], ['Fastify']], framework: 'fastify' },
  hono: { paths: [['Hono']], framework: 'hono' },
  'hono/tiny': { paths: [['Hono']], framework: 'hono' },
  koa: { paths: [[], ['default']], framework: 'koa' },
  '@hapi/hapi': { paths: [['server'], ['Server'], ['default', 'server'], ['default', 'Server']], framework: 'hapi' },
  elysia: { paths: [['Elysia']], framework: 'elysia' },
  '@koa/router': { paths: [[], ['default']], framework: 'koa' },
  'koa-router': { paths: [[], ['default']], framework: 'koa' },
};

export function isHttpFactory(ctx: CallCtx): boolean {
  const mod = ctx.callee.module;
  if (!mod) return false;
  const f = FACTORIES[mod.spec];
  return !!f && f.paths.some((p) => p.join('.') === mod.path.join('.'));
}

function newApp(interp: Interpreter, framework: string): HttpApp {
  const app: HttpApp = { id: interp.newId(), framework, uses: [], routes: [], mounts: [] };
  interp.httpApps.push(app);
  return app;
}

/** Anonymous apps for receivers we cannot trace (`export function register(app) { app.post(...) }`). */
const anonymousApps = new WeakMap<object, Map<string, HttpApp>>();

function receiverApp(ctx: CallCtx): HttpApp | undefined {
  if (ctx.receiver?.httpApp) return ctx.receiver.httpApp;
  const e = ctx.node.expression;
  if (!ts.isPropertyAccessExpression(e) || !VERBS.has(ctx.method ?? '') || ctx.receiver?.sdk) return undefined;
  const recv = e.expression.getText();
  if (!/^(app|router|server|api|apiRouter|routes?|fastify|hono|instance|r)$/i.test(recv)) return undefined;
  const first = ctx.argNodes[0];
  if (!first || !ts.isStringLiteralLike(first) || !first.text.startsWith('/')) return undefined;
  if (!ctx.args[ctx.args.length - 1]?.fns) return undefined;
  let byName = anonymousApps.get(ctx.scope.module);
  if (!byName) anonymousApps.set(ctx.scope.module, (byName = new Map()));
  let app = byName.get(recv);
  if (!app) byName.set(recv, (app = newApp(ctx.interp, 'express')));
  return app;
}

function requestArgs(): Value[] {
  return [{ flows: [], special: 'request' }, fresh(), fresh()];
}

/** Guards a middleware provides: by its name, its origin, or what running it does. */
function middlewareGuards(interp: Interpreter, expr: ts.Expression, value: Value): Set<GuardKind> {
  if (ts.isArrayLiteralExpression(expr)) {
    const all = new Set<GuardKind>();
    expr.elements.forEach((el, i) => {
      for (const g of middlewareGuards(interp, el, value.elements?.[i] ?? fresh())) all.add(g);
    });
    return all;
  }
  const guards = guardKindOfMiddleware(interp, expr, value);
  // const guards = [requireAuth, limiter]; router.post('/x', guards, handler)
  for (const el of value.elements ?? []) for (const g of guardKindOfMiddleware(interp, expr, el)) guards.add(g);
  for (const fn of value.fns ?? []) {
    const { effects } = interp.invokeForEffects(fn, requestArgs(), { name: 'middleware' });
    for (const g of effects.guards) guards.add(g);
  }
  return guards;
}

const TRPC_RESOLVERS = new Set(['mutation', 'query', 'subscription']);

/** The calls and names of a builder chain (`publicProcedure.use(a).input(s)`), innermost last, and its root. */
function builderChain(expr: ts.Expression): { links: { name: string; call?: ts.CallExpression }[]; root: ts.Expression } {
  const links: { name: string; call?: ts.CallExpression }[] = [];
  let e = expr;
  for (let i = 0; i < 32; i++) {
    if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression)) {
      links.push({ name: e.expression.name.text, call: e });
      e = e.expression.expression;
    } else if (ts.isPropertyAccessExpression(e)) {
      links.push({ name: e.name.text });
      e = e.expression;
    } else break;
  }
  return { links, root: e };
}

const isProcedureName = (name: string) => /procedure$/i.test(name);

/**
 * tRPC procedures: `publicProcedure.input(schema).mutation(async ({ input }) => ...)` is an endpoint whose `input` is
 * the caller's (after its schema), guarded by what the procedure is built from — `protectedProcedure`,
 * `.use(isAuthed)`, `.use(rateLimit)`, or a base procedure defined elsewhere with such middleware.
 */
export function trpcCall(ctx: CallCtx): Value | undefined {
  const { interp, method } = ctx;
  const callee = ctx.node.expression;
  if (!method || (method !== 'use' && !TRPC_RESOLVERS.has(method)) || !ts.isPropertyAccessExpression(callee)) return undefined;
  const { links, root } = builderChain(callee.expression);
  const names = [...links.map((l) => l.name), ts.isIdentifier(root) ? root.text : ''];
  // A procedure by name, or one built from a procedure with middleware elsewhere (`authed.query(...)`).
  if (!names.some(isProcedureName) && !(TRPC_RESOLVERS.has(method) && ctx.receiver?.guards && ctx.args[0]?.fns)) return undefined;
  const guards = new Set<GuardKind>(ctx.receiver?.guards ?? []);
  const rootValue = interp.evalExpr(root, ctx.scope);
  for (const g of rootValue.guards ?? []) guards.add(g);
  if (ts.isIdentifier(root)) for (const g of guardKindOfMiddleware(interp, root, rootValue)) guards.add(g);
  for (const link of links) {
    if (link.name !== 'use' || !link.call) continue;
    for (const arg of link.call.arguments) for (const g of middlewareGuards(interp, arg, interp.evalExpr(arg, ctx.scope))) guards.add(g);
  }
  if (method === 'use') {
    // A procedure built with middleware (`t.procedure.use(isAuthed)`) carries its guards to where it is used.
    ctx.argNodes.forEach((arg, i) => {
      for (const g of middlewareGuards(interp, arg, ctx.args[i] ?? fresh())) guards.add(g);
    });
    return { flows: [], guards };
  }
  const handler = ctx.args[0];
  if (!TRPC_RESOLVERS.has(method) || !handler?.fns) return undefined;
  let input: Value = { flows: [source('untrusted', ctx.node, `procedure input (tRPC ${method})`)] };
  const schemaLink = links.find((l) => l.name === 'input' && l.call?.arguments[0]);
  const schema = schemaLink ? interp.evalExpr(schemaLink.call!.arguments[0], ctx.scope).schema : undefined;
  if (schema) input = applySchema(schema, input, { interp, node: ctx.node, scope: ctx.scope });
  const args: Value[] = [{ flows: [], props: new Map([['input', input], ['rawInput', input], ['ctx', fresh()]]) }];
  const property = ts.isPropertyAssignment(ctx.node.parent) ? ctx.node.parent.name.getText() : undefined;
  registerEntry(interp, root, handler, guards, args, `tRPC ${method}${property ? ` ${property}` : ''}`, { kind: 'route-handler', framework: 'trpc', path: property });
  return fresh();
}

/** h3 (Nuxt / Nitro) handler wrappers: they return the handler itself (`defineEventHandler({ handler })` too). */
const H3_WRAPPERS = /^(defineEventHandler|eventHandler|defineCachedEventHandler|defineNitroPlugin)$/;

/**
 * Entry points a runtime or a serverless platform registers by a call: `Bun.serve` / `Deno.serve` (fetch
 * handlers), Firebase `onRequest` / `onCall`, Google Cloud Functions `functions.http`, Azure Functions
 * `app.http` (its `authLevel` is the platform's key check). Reported at the call.
 */
function platformCall(ctx: CallCtx): Value | undefined {
  const { interp, node, args } = ctx;
  const e = node.expression;
  const name = ts.isPropertyAccessExpression(e) ? e.name.text : ts.isIdentifier(e) ? e.text : '';
  if (H3_WRAPPERS.test(name) && !ctx.isNew) {
    const arg = args[0];
    return arg?.fns ? arg : arg?.props?.get('handler')?.fns ? arg.props.get('handler') : undefined;
  }
  const spec = ctx.callee.module?.spec ?? ctx.receiver?.module?.spec;
  const lastFn = [...args].reverse().find((a) => a.fns);
  const request = (): Value => ({ flows: [], special: 'request' });
  const text = ts.isPropertyAccessExpression(e) ? e.getText() : '';
  if (text === 'Bun.serve' || text === 'Deno.serve') {
    const handler = lastFn ?? args.map((a) => a.props?.get('fetch') ?? a.props?.get('handler')).find((h) => h?.fns);
    if (handler) registerEntry(interp, node, handler, new Set(), [request(), fresh()], 'fetch handler', { kind: 'http-server', framework: text === 'Bun.serve' ? 'bun' : 'deno' });
    return handler ? fresh() : undefined;
  }
  if (spec && /^firebase-functions(\/v[12])?(\/https)?$/.test(spec) && (name === 'onRequest' || name === 'onCall') && lastFn) {
    const fnArgs = name === 'onRequest' ? requestArgs() : [{ flows: [], props: new Map<string, Value>([['data', { flows: [source('untrusted', node, 'callable function data (Firebase onCall)')] }], ['rawRequest', request()], ['auth', fresh()]]) }];
    registerEntry(interp, node, lastFn, new Set(), fnArgs, `Firebase ${name} function`, { kind: 'http-server', framework: 'firebase' });
    return { flows: [], fns: lastFn.fns };
  }
  if (spec === '@google-cloud/functions-framework' && name === 'http' && lastFn) {
    registerEntry(interp, node, lastFn, new Set(), requestArgs(), 'HTTP function', { kind: 'http-server', framework: 'gcp-functions' });
    return fresh();
  }
  if (spec === '@azure/functions' && name === 'http' && args[1]?.props) {
    const opts = args[1];
    const handler = opts.props!.get('handler');
    if (!handler?.fns) return undefined;
    const level = opts.props!.get('authLevel')?.parts?.[0]?.lit;
    registerEntry(interp, node, handler, new Set<GuardKind>(level === 'function' || level === 'admin' ? ['auth'] : []), [request(), fresh()], 'HTTP function', { kind: 'http-server', framework: 'azure-functions' });
    return fresh();
  }
  return undefined;
}

export function httpCall(ctx: CallCtx): Value | undefined {
  const { interp } = ctx;
  const platform = platformCall(ctx);
  if (platform) return platform;
  if (isHttpFactory(ctx)) {
    const f = FACTORIES[ctx.callee.module!.spec];
    return { flows: [], httpApp: newApp(interp, f.framework) };
  }
  const mod = ctx.callee.module;
  if (mod && /^(node:)?https?$/.test(mod.spec) && mod.path[mod.path.length - 1] === 'createServer') {
    const handler = ctx.args.find((a) => a.fns);
    if (handler) registerEntry(interp, ctx.node, handler, new Set(), requestArgs(), 'request handler', { kind: 'http-server', framework: 'node:http' });
    return { flows: [], httpApp: newApp(interp, 'node') };
  }
  // hapi: server.auth.default('strategy') — every route authenticates unless it opts out.
  const e = ctx.node.expression;
  if (ctx.method === 'default' && ts.isPropertyAccessExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'auth') {
    const hapi = interp.evalExpr(e.expression.expression, ctx.scope).httpApp;
    if (hapi) {
      hapi.uses.push({ order: interp.nextOrder(), prefix: undefined, guards: new Set<GuardKind>(['auth']) });
      return { flows: [], httpApp: hapi };
    }
  }
  const app = receiverApp(ctx);
  if (!app) return undefined;
  const method = ctx.method ?? '';
  if (method === 'route' && app.framework === 'hapi') {
    // server.route({ method, path, handler, options: { auth, handler } }) or an array of them
    for (const opts of ctx.args[0]?.elements ?? [ctx.args[0]]) {
      const options = opts?.props?.get('options') ?? opts?.props?.get('config');
      const handler = opts?.props?.get('handler') ?? options?.props?.get('handler');
      if (!handler?.fns) continue;
      const auth = options?.props?.get('auth');
      const off = auth?.parts?.length === 1 && auth.parts[0].lit === 'false';
      const verb = opts!.props!.get('method')?.parts?.[0]?.lit?.toLowerCase() ?? 'route';
      registerRoute(ctx, app, auth && !off ? [{ flows: [], guards: new Set<GuardKind>(['auth']) }] : [], handler, opts!.props!.get('path')?.parts?.[0]?.lit, [], verb);
      if (off) app.routes[app.routes.length - 1].optOut = new Set<GuardKind>(['auth']);
    }
    return { flows: [], httpApp: app };
  }
  if (method === 'use' || method === 'register' || method === 'addHook' || method === 'middleware') {
    registerUse(ctx, app);
    return { flows: [], httpApp: app };
  }
  if (method === 'route' && ctx.args[0]?.props) {
    // fastify.route({ method, url, preHandler, handler })
    const opts = ctx.args[0];
    const handler = opts.props!.get('handler');
    if (handler?.fns) registerRoute(ctx, app, [opts], handler, opts.props!.get('url')?.parts?.[0]?.lit);
    return { flows: [], httpApp: app };
  }
  if (method === 'route' && ctx.argNodes[0] && ts.isStringLiteralLike(ctx.argNodes[0])) {
    // express app.route('/x').post(handler), hono app.route('/x', subApp)
    const sub = ctx.args[1]?.httpApp;
    if (sub) sub.mounts.push({ parent: app, order: interp.nextOrder(), prefix: ctx.argNodes[0].text });
    return { flows: [], httpApp: app };
  }
  if (VERBS.has(method)) {
    const handlerIndex = findLastIndex(ctx.args, (a) => !!a.fns);
    if (handlerIndex < 0) return { flows: [], httpApp: app };
    const pathLit = ctx.argNodes[0] && ts.isStringLiteralLike(ctx.argNodes[0]) ? ctx.argNodes[0].text : undefined;
    const middleware = ctx.args.slice(pathLit !== undefined ? 1 : 0, handlerIndex);
    registerRoute(ctx, app, middleware, ctx.args[handlerIndex], pathLit, ctx.argNodes.slice(pathLit !== undefined ? 1 : 0, handlerIndex));
    return { flows: [], httpApp: app };
  }
  return { flows: [], httpApp: app };
}

function findLastIndex<T>(xs: T[], pred: (x: T) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (pred(xs[i])) return i;
  return -1;
}

function registerUse(ctx: CallCtx, app: HttpApp): void {
  const { interp } = ctx;
  const order = interp.nextOrder();
  let prefix: string | undefined;
  ctx.args.forEach((arg, i) => {
    const node = ctx.argNodes[i];
    if (!node) return;
    if (i === 0 && ts.isStringLiteralLike(node)) {
      prefix = node.text;
      if (ctx.method === 'addHook') prefix = undefined; // fastify hook name
      return;
    }
    if (arg.httpApp && arg.httpApp !== app) {
      // Middleware given in the same use() call, before the router, runs for it too.
      arg.httpApp.mounts.push({ parent: app, order: order + 0.5, prefix });
      return;
    }
    if (ctx.method === 'register' && arg.fns && !arg.module) {
      // fastify.register(async (instance) => { instance.post(...) }): routes on the same app
      for (const fn of arg.fns) interp.invoke(fn, [{ flows: [], httpApp: app }, fresh(), fresh()], ctx.node, ctx.scope);
      return;
    }
    const guards = middlewareGuards(interp, node, arg);
    // fastify.register(rateLimit, { global: false }) only provides per-route limits.
    if (ctx.method === 'register' && ctx.args[i + 1]?.props?.get('global')?.parts?.[0]?.lit === 'false') return;
    if (guards.size) app.uses.push({ order, prefix, guards });
  });
}

function registerRoute(ctx: CallCtx, app: HttpApp, middleware: Value[], handler: Value, path: string | undefined, middlewareNodes: readonly ts.Expression[] = [], verb = ctx.method ?? 'route'): void {
  const { interp } = ctx;
  const order = interp.nextOrder();
  const guards = new Set<GuardKind>();
  middleware.forEach((mw, i) => {
    const node = middlewareNodes[i] ?? ctx.node.expression;
    for (const g of middlewareGuards(interp, node as ts.Expression, mw)) guards.add(g);
    // fastify route options: { preHandler, onRequest, config: { rateLimit } }
    if (mw.props) {
      for (const key of ['preHandler', 'onRequest', 'preValidation', 'preParsing']) {
        const hook = mw.props.get(key);
        if (hook) for (const g of middlewareGuards(interp, (mw.propNodes?.get(key) as ts.PropertyAssignment | undefined)?.initializer ?? node as ts.Expression, hook)) guards.add(g);
      }
      if (mw.props.get('config')?.props?.has('rateLimit')) guards.add('rate-limit');
    }
  });
  const route: HttpRoute = { order, node: ctx.node, method: verb, path, guards, reachesLlm: false, handlerGuards: new Set() };
  for (const fn of handler.fns ?? []) {
    const { effects } = interp.invokeForEffects(fn, requestArgs(), { name: `${verb.toUpperCase()} ${path ?? ''} handler` });
    if (effects.llm) route.reachesLlm = true;
    for (const g of effects.guards) route.handlerGuards.add(g);
    for (const g of fn.guards ?? []) route.handlerGuards.add(g);
  }
  app.routes.push(route);
}

/** Entry points that are not on an app (Next.js handlers, server actions, http.createServer). */
export interface EntryKind {
  kind: EntryPointInfo['kind'];
  framework: string;
  method?: string;
  path?: string;
}

export function registerEntry(interp: Interpreter, reportNode: ts.Node, handler: Value, outerGuards: ReadonlySet<GuardKind>, args: Value[], name: string, entry: EntryKind): void {
  const guards = new Set(outerGuards);
  let llm = false;
  for (const g of handler.guards ?? []) guards.add(g);
  for (const fn of handler.fns ?? []) {
    const { effects } = interp.invokeForEffects(fn, args, { name });
    if (effects.llm) llm = true;
    for (const g of effects.guards) guards.add(g);
    for (const g of fn.guards ?? []) guards.add(g);
  }
  interp.inventory.entry(reportNode, { ...entry, name, reachesLlm: llm, authenticated: guards.has('auth'), rateLimited: guards.has('rate-limit') });
  if (llm) reportMissingGuards(interp, reportNode, guards, name);
}

function reportMissingGuards(interp: Interpreter, node: ts.Node, guards: Set<GuardKind>, detail: string): void {
  if (!guards.has('rate-limit')) interp.reporter.report({ rule: 'missing-rate-limit', node, detail, fixes: rateLimitFix(node) });
  if (!guards.has('auth')) interp.reporter.report({ rule: 'unauthenticated-llm-endpoint', node, detail });
}

function prefixMatches(prefix: string | undefined, path: string | undefined): boolean {
  if (!prefix || prefix === '/' || prefix === '*' || prefix === '/*') return true;
  if (path === undefined) return true;
  const p = prefix.replace(/\/?\*$/, '');
  return path === p || path.startsWith(p.endsWith('/') ? p : `${p}/`) || path.startsWith(p);
}

function inherited(app: HttpApp, order: number, path: string | undefined, depth = 0): Set<GuardKind> {
  const out = new Set<GuardKind>();
  if (depth > 8) return out;
  for (const use of app.uses) if (use.order < order && prefixMatches(use.prefix, path)) for (const g of use.guards) out.add(g);
  for (const m of app.mounts) {
    const full = m.prefix && path !== undefined ? `${m.prefix.replace(/\/$/, '')}${path}` : path;
    for (const g of inherited(m.parent, m.order, full, depth + 1)) out.add(g);
  }
  return out;
}

/** The route's path with the prefix of the first mount chain (routers mounted under /api). */
function fullPath(app: HttpApp, path: string | undefined, depth = 0): string | undefined {
  if (path === undefined || depth > 8) return path;
  const m = app.mounts[0];
  if (!m) return path;
  return fullPath(m.parent, m.prefix ? `${m.prefix.replace(/\/$/, '')}${path === '/' ? '' : path}` || '/' : path, depth + 1);
}

/** After all modules ran: report routes that reach an LLM without guards. */
export function resolveRoutes(interp: Interpreter): void {
  for (const app of interp.httpApps) {
    for (const route of app.routes) {
      const guards = new Set([...route.guards, ...route.handlerGuards, ...[...inherited(app, route.order, route.path)].filter((g) => !route.optOut?.has(g))]);
      const path = fullPath(app, route.path);
      const name = `${route.method.toUpperCase()} ${path ?? ''}`.trim();
      interp.inventory.entry(route.node, { kind: 'route', framework: app.framework, method: route.method.toUpperCase(), path, name, reachesLlm: route.reachesLlm, authenticated: guards.has('auth'), rateLimited: guards.has('rate-limit') });
      if (!route.reachesLlm) continue;
      reportMissingGuards(interp, route.node, guards, name);
    }
  }
}

export type { Scope };
