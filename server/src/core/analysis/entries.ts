// Entry points defined by file conventions rather than registration: Next.js App Router route
// handlers, pages/api handlers, server actions, and the Next.js middleware that guards them.
import * as path from 'path';
import { ts } from '../ts';
import type { Interpreter } from './interpreter';
import type { ModuleCtx } from './scope';
import { registerEntry } from './http';
import { guardKindOfMiddleware } from './guards';
import { fresh, source, type GuardKind, type Value } from './values';

const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

export function isAppRouteFile(file: string): boolean {
  return /(^|[\\/])app[\\/](.*[\\/])?route\.(ts|js|mts|mjs|tsx|jsx)$/.test(file);
}

export function isPagesApiFile(file: string): boolean {
  return /(^|[\\/])pages[\\/]api[\\/]/.test(file);
}

/** What Next.js middleware imports or exports: the framework's own server module, an auth kit for it, a matcher. */
const NEXT_MIDDLEWARE_TEXT = /['"](?:next\/server|next-auth(?:\/[\w-]+)?|@clerk\/nextjs(?:\/server)?|@auth\/nextjs|@supabase\/auth-helpers-nextjs|@kinde-oss\/kinde-auth-nextjs(?:\/[\w-]+)?)['"]|\bmatcher\s*:/;

/**
 * Next.js middleware: `middleware.ts` at the root of a Next app (the workspace root, `src/`, or an app folder in a
 * monorepo). With the file's text, it must also look like Next.js middleware — a `lib/middleware.ts` helper or an
 * Express app's middleware module does not guard every route. Without the text (selecting files to read), the
 * name is enough.
 */
export function isNextMiddlewareFile(file: string, root: string, text?: string): boolean {
  const rel = path.relative(root, file).split(path.sep).join('/');
  const named = /^(src\/)?middleware\.(ts|js|mts|mjs)$/.test(rel) || (/(^|\/)middleware\.(ts|js)$/.test(rel) && !rel.includes('/middleware/'));
  return named && (text === undefined || NEXT_MIDDLEWARE_TEXT.test(text));
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

/** Guards applied by a Next.js middleware file to every route it matches. */
export function middlewareGuards(interp: Interpreter, ctx: ModuleCtx): Set<GuardKind> {
  const guards = new Set<GuardKind>();
  const exported = interp.exportOf(ctx.file, 'default');
  const named = interp.exportOf(ctx.file, 'middleware');
  for (const value of [exported, named]) {
    const node = exportNode(ctx, value === exported ? 'default' : 'middleware') ?? ctx.sf;
    for (const g of guardKindOfMiddleware(interp, node as ts.Expression, value)) guards.add(g);
    for (const fn of value.fns ?? []) {
      const { effects } = interp.invokeForEffects(fn, [{ flows: [], special: 'request' }, fresh()], { name: 'middleware' });
      for (const g of effects.guards) guards.add(g);
    }
  }
  return guards;
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
  if (!mw.matchers || path === undefined) return mw.guards;
  const concrete = path.replace(/\[\[?\.\.\.(\w+)\]?\]/g, 'x/y').replace(/\[(\w+)\]/g, 'x');
  return mw.matchers.some((m) => matcherRegExp(m)?.test(concrete) ?? true) ? mw.guards : new Set();
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
