// Entry points defined by file conventions rather than registration: Next.js App Router route handlers, pages/api
// handlers and server actions; SvelteKit endpoints and form actions, Astro API routes, Remix / React Router route
// actions and loaders; AWS Lambda handlers; and the middleware that guards them (Next.js middleware, SvelteKit's
// hooks.server, Astro's middleware).
import * as path from 'path';
import { ts } from '../ts';
import type { Interpreter } from './interpreter';
import type { ModuleCtx } from './scope';
import { registerEntry } from './http';
import { analyseNestControllers } from './nest';
import { guardKindOfMiddleware } from './guards';
import { fresh, source, type GuardKind, type Value } from './values';
import { isAppRouteFile, isEventEndpointFile, isNetlifyFunctionFile, isNitroRouteFile, isPagesApiFile, isRemixRouteFile, isSvelteKitPageServerFile } from './conventions';

export { isAppRouteFile, isConventionEntryFile, isPagesApiFile } from './conventions';

const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

/** What Next.js middleware imports or exports: the framework's own server module, an auth kit for it, a matcher. */
const NEXT_MIDDLEWARE_TEXT = /['"](?:next\/server|next-auth(?:\/[\w-]+)?|@clerk\/nextjs(?:\/server)?|@auth\/nextjs|@supabase\/auth-helpers-nextjs|@kinde-oss\/kinde-auth-nextjs(?:\/[\w-]+)?)['"]|\bmatcher\s*:/;

/** Astro middleware (`src/middleware.ts`: `onRequest`, `defineMiddleware` from astro:middleware). */
const ASTRO_MIDDLEWARE_TEXT = /['"]astro:middleware['"]|\bexport\s+(?:const|async\s+function|function)\s+onRequest\b/;

/**
 * Next.js middleware: `middleware.ts` at the root of a Next app (the workspace root, `src/`, or an app folder in a
 * monorepo). With the file's text, it must also look like Next.js middleware — a `lib/middleware.ts` helper or an
 * Express app's middleware module does not guard every route. Without the text (selecting files to read), the
 * name is enough.
 */
export function isNextMiddlewareFile(file: string, root: string, text?: string): boolean {
  const rel = path.relative(root, file).split(path.sep).join('/');
  if (/(^|\/)src\/hooks\.server\.(ts|js)$/.test(rel)) return true; // SvelteKit's server hooks (`handle`)
  if (/(^|\/)server\/middleware\/[^/]+\.[cm]?[jt]s$/.test(rel)) return true; // Nuxt / Nitro server middleware
  const named = /^(src\/)?middleware\.(ts|js|mts|mjs)$/.test(rel) || (/(^|\/)middleware\.(ts|js)$/.test(rel) && !rel.includes('/middleware/'));
  return named && (text === undefined || NEXT_MIDDLEWARE_TEXT.test(text) || ASTRO_MIDDLEWARE_TEXT.test(text));
}

function appRoutePath(file: string): string {
  const m = /(?:^|[\\/])app([\\/].*)?[\\/]route\.[cm]?[jt]sx?$/.exec(file);
  const segs = (m?.[1] ?? '').split(/[\\/]/).filter((s) => s && !/^\(.*\)$/.test(s) && !s.startsWith('@'));
  return '/' + segs.join('/');
}

function pagesApiPath(file: string): string {
  const m = /[\\/]pages([\\/]api[\\/].*)\.[cm]?[jt]sx?$/.exec(file);
  return (m?.[1] ?? '/api').split(/[\\/]/).join('/').replace(/\/index$/, '');
}

/**
 * Guards applied by a middleware file to every route it matches: Next.js `middleware` (or default), SvelteKit's
 * `handle`, Astro's `onRequest` — each a function, or a call composing several (`sequence(auth, limit)`,
 * `defineMiddleware(fn)`, `clerkMiddleware(fn)`), whose functions are run too.
 */
export function middlewareGuards(interp: Interpreter, ctx: ModuleCtx): Set<GuardKind> {
  const guards = new Set<GuardKind>();
  const moduleScope = interp.moduleScope(ctx);
  for (const name of ['default', 'middleware', 'handle', 'onRequest']) {
    const value = interp.exportOf(ctx.file, name);
    const node = exportNode(ctx, name);
    if (!node && name !== 'default') continue;
    const values = [value];
    const init = node && ts.isIdentifier(node) && ts.isVariableDeclaration(node.parent) ? node.parent.initializer : undefined;
    if (init && ts.isCallExpression(init)) for (const arg of init.arguments) values.push(interp.evalExpr(arg, moduleScope));
    for (const v of values) {
      for (const g of guardKindOfMiddleware(interp, (node ?? ctx.sf) as ts.Expression, v)) guards.add(g);
      for (const fn of v.fns ?? []) {
        const { effects } = interp.invokeForEffects(fn, [eventArg(fn.decl), fresh()], { name: 'middleware' });
        for (const g of effects.guards) guards.add(g);
      }
    }
  }
  return guards;
}

/**
 * The argument of an event-style handler (SvelteKit's RequestEvent, Astro's APIContext, Remix's action args, and the
 * `{ event, resolve }` of SvelteKit's `handle`): the request, with its URL, params and cookies as untrusted input.
 * Its `event` is the object itself, so `handle({ event, resolve })` reads the same input.
 */
function eventArg(at: ts.Node): Value {
  const untrusted = (what: string): Value => ({ flows: [source('untrusted', at, what)] });
  const event: Value = {
    flows: [],
    props: new Map<string, Value>([
      ['request', { flows: [], special: 'request' }],
      ['url', untrusted('request URL')],
      ['params', untrusted('route params')],
      ['cookies', untrusted('request cookies')],
    ]),
  };
  event.props!.set('event', event);
  return event;
}

/** Lambda event types of HTTP triggers (API Gateway, function URLs, load balancers). */
const HTTP_LAMBDA_TYPE = /\b(APIGatewayProxy(Event|Handler)(V2)?|APIGatewayProxyWithJWTAuthorizerEvent|LambdaFunctionURL(Event|Handler)|ALB(Event|Handler)|Handler<\s*APIGateway)/;

/** The input of an AWS Lambda handler (`handler(event)`): an HTTP event's body, query, path parameters and headers. */
function lambdaEvent(at: ts.Node): Value {
  const untrusted = (what: string): Value => ({ flows: [source('untrusted', at, `${what} (Lambda event)`)] });
  return {
    flows: [],
    props: new Map<string, Value>([
      ['body', untrusted('request body')],
      ['queryStringParameters', untrusted('query parameters')],
      ['multiValueQueryStringParameters', untrusted('query parameters')],
      ['pathParameters', untrusted('path parameters')],
      ['headers', untrusted('request headers')],
      ['multiValueHeaders', untrusted('request headers')],
      ['rawPath', untrusted('request path')],
      ['rawQueryString', untrusted('query string')],
      ['cookies', untrusted('request cookies')],
    ]),
  };
}

/** `handler` exported by a module, as a Lambda handler: its value, where to report it, and whether it serves HTTP. */
function lambdaHandler(interp: Interpreter, ctx: ModuleCtx): { value: Value; node: ts.Node; http: boolean; authorized: boolean } | undefined {
  const value = interp.exportOf(ctx.file, 'handler');
  const fn = value.fns?.[0];
  if (!fn) return undefined;
  const first = fn.decl.parameters[0];
  if (!first) return undefined;
  const declared = [first.type, ts.isVariableDeclaration(fn.decl.parent) ? fn.decl.parent.type : undefined].map((t) => t?.getText() ?? '').join(' ');
  const http = HTTP_LAMBDA_TYPE.test(declared) || isNetlifyFunctionFile(ctx.file); // Netlify's handler(event) serves HTTP
  // Untyped: only a parameter named like an event (no entry point: the trigger is not known).
  if (!http && !(declared.trim() === '' && ts.isIdentifier(first.name) && /^(event|evt|e)$/.test(first.name.text))) return undefined;
  // An authorizer at the gateway: the event type says so (…WithJWTAuthorizer), or the handler reads its verdict.
  const authorized = /Authorizer\b/.test(declared) || /requestContext\s*\??\.\s*authorizer\b/.test(fn.decl.getText());
  return { value, node: exportNode(ctx, 'handler') ?? commonJsExportNode(ctx, 'handler') ?? fn.decl, http, authorized };
}

/** `exports.name = …` / `module.exports.name = …`: the assignment's name node. */
function commonJsExportNode(ctx: ModuleCtx, name: string): ts.Node | undefined {
  for (const stmt of ctx.sf.statements) {
    if (!ts.isExpressionStatement(stmt) || !ts.isBinaryExpression(stmt.expression)) continue;
    const left = stmt.expression.left;
    if (ts.isPropertyAccessExpression(left) && left.name.text === name && /^(module\.)?exports$/.test(left.expression.getText())) return left.name;
  }
  return undefined;
}

function exportNode(ctx: ModuleCtx, name: string): ts.Node | undefined {
  for (const stmt of ctx.sf.statements) {
    if (name === 'default' && ts.isExportAssignment(stmt)) return stmt.expression;
    if (ts.isFunctionDeclaration(stmt) && stmt.name?.text === name) return stmt.name;
    if (ts.isVariableStatement(stmt)) {
      for (const d of stmt.declarationList.declarations) if (ts.isIdentifier(d.name) && d.name.text === name) return d.name;
    }
    if (ts.isExportDeclaration(stmt) && stmt.exportClause && ts.isNamedExports(stmt.exportClause)) {
      for (const el of stmt.exportClause.elements) if (el.name.text === name) return el;
    }
  }
  return undefined;
}

function defaultExportNode(ctx: ModuleCtx): ts.Node | undefined {
  for (const stmt of ctx.sf.statements) {
    if (ts.isFunctionDeclaration(stmt) && stmt.modifiers?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) return stmt.name ?? stmt;
    if (ts.isExportAssignment(stmt)) return stmt.expression;
  }
  return exportNode(ctx, 'default');
}

/** The workspace's Next.js middleware: the guards it runs, and the paths its `config.matcher` limits it to. */
export interface NextMiddleware {
  guards: ReadonlySet<GuardKind>;
  /** The matcher patterns; undefined when some middleware runs for every path. */
  matchers?: string[];
  /** Route patterns (Clerk's `createRouteMatcher`) the middleware's guards are limited to, or not applied to. */
  only?: string[];
  except?: string[];
}

/**
 * Where a middleware applies its guards, when it tests the route first: `const isX = createRouteMatcher([...])`
 * then `if (isX(req)) await auth.protect()` or `if (!isX(req)) return` (only those routes), or
 * `if (!isX(req)) await auth.protect()` (all but those).
 */
export function routeScope(sf: ts.SourceFile): { only?: string[]; except?: string[] } {
  const text = sf.text;
  for (const m of text.matchAll(/(?:const|let|var)\s+(\w+)\s*=\s*createRouteMatcher\s*\(\s*\[([^\]]*)\]/g)) {
    const patterns = [...m[2].matchAll(/['"`]([^'"`]+)['"`]/g)].map((x) => x[1]);
    const test = `${m[1]}\\s*\\(\\s*\\w+\\s*\\)`;
    if (new RegExp(`if\\s*\\(\\s*!\\s*${test}\\s*\\)\\s*(\\{\\s*)?return\\b`).test(text) || new RegExp(`if\\s*\\(\\s*${test}\\s*\\)`).test(text)) return { only: patterns };
    if (new RegExp(`if\\s*\\(\\s*!\\s*${test}\\s*\\)`).test(text)) return { except: patterns };
  }
  return {};
}

/** `export const config = { matcher: '/api/:path*' | [...] | [{ source }] }` of a middleware file, if it has one. */
export function middlewareMatchers(sf: ts.SourceFile): string[] | undefined {
  for (const stmt of sf.statements) {
    if (!ts.isVariableStatement(stmt)) continue;
    for (const d of stmt.declarationList.declarations) {
      if (!ts.isIdentifier(d.name) || d.name.text !== 'config' || !d.initializer || !ts.isObjectLiteralExpression(d.initializer)) continue;
      const prop = d.initializer.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText(sf) === 'matcher');
      if (!prop) return undefined;
      const items = ts.isArrayLiteralExpression(prop.initializer) ? [...prop.initializer.elements] : [prop.initializer];
      const patterns: string[] = [];
      for (const item of items) {
        if (ts.isStringLiteralLike(item)) patterns.push(item.text);
        else if (ts.isObjectLiteralExpression(item)) {
          const source = item.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText(sf) === 'source');
          if (source && ts.isStringLiteralLike(source.initializer)) patterns.push(source.initializer.text);
          else return undefined; // a matcher we cannot read: assume it covers everything
        } else return undefined;
      }
      return patterns;
    }
  }
  return undefined;
}

/** Next.js matcher syntax (path-to-regexp: `:param`, `:param*`, `:param+`, and regex groups) as a RegExp. */
function matcherRegExp(pattern: string): RegExp | undefined {
  const body = pattern
    .replace(/\/:\w+\*/g, '(?:/.*)?')
    .replace(/\/:\w+\+/g, '/.+')
    .replace(/:\w+\?/g, '[^/]*')
    .replace(/:\w+/g, '[^/]+');
  try {
    return new RegExp(`^${body}/?$`);
  } catch {
    return undefined;
  }
}

/** The middleware's guards for a route at `path` (all of them when the path or the matcher is unknown). */
export function middlewareGuardsFor(mw: NextMiddleware, path: string | undefined): ReadonlySet<GuardKind> {
  if (path === undefined) return mw.guards;
  const concrete = path.replace(/\[\[?\.\.\.(\w+)\]?\]/g, 'x/y').replace(/\[(\w+)\]/g, 'x');
  const matches = (patterns: string[], unknown: boolean) => patterns.some((m) => matcherRegExp(m)?.test(concrete) ?? unknown);
  if (mw.only && !matches(mw.only, true)) return new Set();
  if (mw.except && matches(mw.except, false)) return new Set();
  if (!mw.matchers) return mw.guards;
  return matches(mw.matchers, true) ? mw.guards : new Set();
}

/** Analyses the convention-based entry points of one module. */
export function analyseConventionEntries(interp: Interpreter, ctx: ModuleCtx, next: NextMiddleware): void {
  if (isAppRouteFile(ctx.file)) {
    for (const method of HTTP_METHODS) {
      const value = interp.exportOf(ctx.file, method);
      if (!value.fns) continue;
      const node = exportNode(ctx, method);
      if (!node) continue;
      const params: Value = { flows: [], props: new Map([['params', { flows: [source('untrusted', node, `route params of ${method}`)] }]]) };
      const path = appRoutePath(ctx.file);
      registerEntry(interp, node, value, middlewareGuardsFor(next, path), [{ flows: [], special: 'request' }, params], `${method} handler`, { kind: 'route-handler', framework: 'next', method, path });
    }
  }
  if (isPagesApiFile(ctx.file)) {
    const value = interp.exportOf(ctx.file, 'default');
    const node = defaultExportNode(ctx);
    const path = pagesApiPath(ctx.file);
    if (value.fns && node) registerEntry(interp, node, value, middlewareGuardsFor(next, path), [{ flows: [], special: 'request' }, fresh()], 'API handler', { kind: 'api-handler', framework: 'next', path });
  }
  // SvelteKit endpoints and Astro API routes: export const POST = async ({ request, url, params }) => ...
  if (isEventEndpointFile(ctx.file) && !ctx.useClient) {
    for (const method of [...HTTP_METHODS, 'ALL', 'fallback']) {
      const value = interp.exportOf(ctx.file, method);
      const node = exportNode(ctx, method);
      if (!value.fns || !node) continue;
      const framework = /\+server\.[cm]?[jt]s$/.test(ctx.file) ? 'sveltekit' : 'astro';
      registerEntry(interp, node, value, next.guards, [eventArg(node)], `${method} handler`, { kind: 'route-handler', framework, method });
    }
  }
  // SvelteKit form actions: export const actions = { default: async ({ request }) => ..., named: ... }
  if (isSvelteKitPageServerFile(ctx.file)) {
    const actions = interp.exportOf(ctx.file, 'actions');
    for (const [name, action] of actions.props ?? []) {
      const node = actions.propNodes?.get(name);
      if (!action.fns || !node) continue;
      const at = (node as ts.PropertyAssignment).name ?? node;
      registerEntry(interp, at, action, next.guards, [eventArg(at)], `form action ${name}`, { kind: 'server-action', framework: 'sveltekit' });
    }
  }
  // Remix / React Router: export async function action({ request, params }) / loader(...)
  if (isRemixRouteFile(ctx.file)) {
    for (const name of ['action', 'loader']) {
      const value = interp.exportOf(ctx.file, name);
      const node = exportNode(ctx, name);
      if (value.fns && node) registerEntry(interp, node, value, next.guards, [eventArg(node)], `route ${name}`, { kind: 'route-handler', framework: 'remix' });
    }
  }
  // Nuxt / Nitro server routes: export default defineEventHandler(async (event) => ...) (readBody(event), ...)
  // Netlify Functions: export default async (req: Request, context) => ...
  if (isNitroRouteFile(ctx.file) || isNetlifyFunctionFile(ctx.file)) {
    const value = interp.exportOf(ctx.file, 'default');
    const node = defaultExportNode(ctx);
    const framework = isNitroRouteFile(ctx.file) ? 'nitro' : 'netlify';
    if (value.fns && node) registerEntry(interp, node, value, next.guards, [{ flows: [], special: 'request' }, fresh()], framework === 'nitro' ? 'event handler' : 'Netlify function', { kind: 'route-handler', framework });
  }
  // AWS Lambda: export const handler = async (event) => ... — an entry point when typed as an HTTP trigger's; an
  // untyped handler's event is read as input all the same, but its trigger (and the gateway's auth) is unknown.
  const lambda = lambdaHandler(interp, ctx);
  if (lambda) {
    const args = [lambdaEvent(lambda.node), fresh()];
    const guards = new Set<GuardKind>(lambda.authorized ? ['auth'] : []);
    if (lambda.http) registerEntry(interp, lambda.node, lambda.value, guards, args, 'Lambda handler', { kind: 'route-handler', framework: 'aws-lambda' });
    else for (const fn of lambda.value.fns ?? []) interp.invokeForEffects(fn, args, { name: 'Lambda handler' });
  }
  analyseNestControllers(interp, ctx);
  // tRPC routers: their procedures register as endpoints when the router is evaluated (http.ts), and exports are
  // evaluated only on demand — so evaluate those of a module that defines procedures.
  if (/procedure\b[\s\S]*\.(mutation|query|subscription)\s*\(/i.test(ctx.sf.text)) for (const name of ctx.exports.keys()) interp.exportOf(ctx.file, name);
  // Cloudflare Workers / Deno / Bun: export default { async fetch(request, env) { ... } }
  if (!ctx.useClient) {
    const def = interp.exportOf(ctx.file, 'default');
    const fetchHandler = def.props?.get('fetch');
    const node = def.propNodes?.get('fetch');
    if (fetchHandler?.fns && node) {
      const nameNode = (node as ts.MethodDeclaration).name ?? node;
      registerEntry(interp, nameNode, fetchHandler, next.guards, [{ flows: [], special: 'request' }, { flows: [], special: 'process-env' }, fresh()], 'fetch handler', { kind: 'route-handler', framework: 'workers' });
    }
  }
  if (ctx.useServer) {
    for (const [name] of ctx.exports) {
      const value = interp.exportOf(ctx.file, name);
      const node = exportNode(ctx, name);
      if (!value.fns || !node) continue;
      const decl = value.fns[0].decl;
      const args = decl.parameters.map((p) => ({ flows: [source('untrusted', p, `${p.name.getText()} (server action argument)`)] }) as Value);
      registerEntry(interp, node, value, next.guards, args, `server action ${name}`, { kind: 'server-action', framework: 'next' });
    }
  }
}
