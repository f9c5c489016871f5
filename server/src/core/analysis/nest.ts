// NestJS controllers: each route method (@Get, @Post, ...) of a @Controller class is an entry point. Its
// decorated parameters say what the caller sends (@Body, @Query, @Param, @Headers; @Req is the request), the
// controller's injected services are constructed as Nest would (constructor parameters typed with a class), and
// @UseGuards / @Throttle on the class or method — or guards installed for the whole app (APP_GUARD providers,
// app.useGlobalGuards) — say whether it authenticates and rate-limits.
import * as fs from 'fs';
import * as path from 'path';
import { ts } from '../ts';
import type { Interpreter } from './interpreter';
import type { ModuleCtx, Scope } from './scope';
import { construct } from './calls';
import { registerEntry } from './http';
import { fresh, source, type GuardKind, type Value } from './values';

const ROUTE_DECORATORS: Record<string, string> = { Get: 'GET', Post: 'POST', Put: 'PUT', Patch: 'PATCH', Delete: 'DELETE', All: 'ALL', Options: 'OPTIONS', Head: 'HEAD', Sse: 'GET' };
const INPUT_DECORATORS: Record<string, string> = { Body: 'request body', Query: 'query parameters', Param: 'route params', Headers: 'request headers', UploadedFile: 'uploaded file', UploadedFiles: 'uploaded files', MessageBody: 'message body' };
const AUTH_GUARD = /auth|jwt|session|clerk|api.?key|bearer|passport|firebase|cognito|supabase|role|permission|access/i;
const RATE_GUARD = /throttl|rate.?limit|limiter/i;

function decorators(node: ts.Node): { name: string; args: readonly ts.Expression[] }[] {
  return (ts.canHaveDecorators(node) ? ts.getDecorators(node) ?? [] : []).map((d) => {
    const e = d.expression;
    const callee = ts.isCallExpression(e) ? e.expression : e;
    return { name: ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '', args: ts.isCallExpression(e) ? e.arguments : [] };
  });
}

/** Guards named by guard classes or instances (`AuthGuard('jwt')`, `JwtAuthGuard`, `ThrottlerGuard`). */
function guardsNamed(texts: Iterable<string>): Set<GuardKind> {
  const out = new Set<GuardKind>();
  for (const t of texts) {
    if (RATE_GUARD.test(t)) out.add('rate-limit');
    else if (AUTH_GUARD.test(t)) out.add('auth');
  }
  return out;
}

function decoratorGuards(node: ts.Node): { guards: Set<GuardKind>; skipThrottle: boolean } {
  const guards = new Set<GuardKind>();
  let skipThrottle = false;
  for (const d of decorators(node)) {
    if (d.name === 'UseGuards') for (const g of guardsNamed(d.args.map((a) => a.getText()))) guards.add(g);
    if (d.name === 'Throttle') guards.add('rate-limit');
    if (d.name === 'SkipThrottle') skipThrottle = true;
    if (/^(Auth|Authenticated|Authorized|Roles|Protected|RequireAuth|ApiKeyAuth)$/.test(d.name)) guards.add('auth');
  }
  return { guards, skipThrottle };
}

/** Guards the app installs for every route: `{ provide: APP_GUARD, useClass: X }` and `app.useGlobalGuards(...)`. */
function appGuards(interp: Interpreter, controllerFile: string): Set<GuardKind> {
  const names: string[] = [];
  for (const file of appFiles(interp.ws.root, controllerFile)) {
    const text = interp.ws.readText(file) ?? '';
    for (const m of text.matchAll(/provide\s*:\s*APP_GUARD\s*,\s*use(?:Class|Existing)\s*:\s*([\w.]+)/g)) names.push(m[1]);
    for (const m of text.matchAll(/useGlobalGuards\s*\(([^;]*)\)/g)) names.push(m[1]);
  }
  return guardsNamed(names);
}

/** main.ts and the *.module.ts files of the Nest app that holds the controller (its nearest package.json). */
function appFiles(root: string, controllerFile: string): string[] {
  let dir = path.dirname(controllerFile);
  while (dir.startsWith(root) && dir !== root && !fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  const out: string[] = [];
  const walk = (d: string, depth: number) => {
    if (depth > 5 || out.length > 200) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.isDirectory() && !/^(node_modules|dist|build|\.git|coverage)$/.test(e.name)) walk(path.join(d, e.name), depth + 1);
      else if (e.isFile() && /(^main|\.module)\.[cm]?[jt]s$/.test(e.name)) out.push(path.join(d, e.name));
    }
  };
  walk(dir, 0);
  return out;
}

/** An instance of a class as Nest would build it: its constructor's class-typed parameters are injected instances. */
function injected(interp: Interpreter, classValue: Value, at: ts.Node, seen: Set<ts.Node>): Value {
  const cls = classValue.classDecl;
  if (!cls || seen.has(cls) || seen.size > 12) return fresh();
  seen.add(cls);
  const scope = classValue.classScope as Scope;
  const ctor = cls.members.find(ts.isConstructorDeclaration);
  const deps = (ctor?.parameters ?? []).map((p) => {
    const type = p.type && ts.isTypeReferenceNode(p.type) && ts.isIdentifier(p.type.typeName) ? p.type.typeName : undefined;
    const dep = type ? interp.evalExpr(type, scope) : fresh();
    return dep.classDecl ? injected(interp, dep, at, seen) : dep;
  });
  return construct(interp, classValue, deps, at, scope);
}

function parameterValue(p: ts.ParameterDeclaration): Value {
  for (const d of decorators(p)) {
    if (d.name === 'Req' || d.name === 'Request') return { flows: [], special: 'request' };
    const what = INPUT_DECORATORS[d.name];
    if (what) return { flows: [source('untrusted', p, `${p.name.getText()} (${what}, NestJS @${d.name})`)] };
  }
  return fresh();
}

/** Registers the route methods of the module's @Controller classes. */
export function analyseNestControllers(interp: Interpreter, ctx: ModuleCtx): void {
  if (!/@Controller\s*\(/.test(ctx.sf.text)) return;
  const moduleScope = interp.moduleScope(ctx);
  let global: Set<GuardKind> | undefined;
  for (const stmt of ctx.sf.statements) {
    if (!ts.isClassDeclaration(stmt) || !stmt.name || !decorators(stmt).some((d) => d.name === 'Controller')) continue;
    const classValue = interp.evalExpr(stmt.name, moduleScope);
    if (!classValue.classDecl) continue;
    const instance = injected(interp, classValue, stmt.name, new Set());
    const onClass = decoratorGuards(stmt);
    global ??= appGuards(interp, ctx.file);
    for (const member of stmt.members) {
      if (!ts.isMethodDeclaration(member) || !member.body) continue;
      const route = decorators(member).find((d) => ROUTE_DECORATORS[d.name]);
      if (!route) continue;
      const onMethod = decoratorGuards(member);
      const guards = new Set<GuardKind>([...global, ...onClass.guards, ...onMethod.guards]);
      if (onMethod.skipThrottle || (onClass.skipThrottle && !onMethod.guards.has('rate-limit'))) guards.delete('rate-limit');
      const routePath = route.args[0] && ts.isStringLiteralLike(route.args[0]) ? route.args[0].text : undefined;
      const handler: Value = { flows: [], fns: [{ decl: member, scope: classValue.classScope, thisValue: instance }] };
      registerEntry(interp, member.name, handler, guards, member.parameters.map(parameterValue), `${stmt.name.text}.${member.name.getText()}`, { kind: 'route', framework: 'nestjs', method: ROUTE_DECORATORS[route.name], path: routePath });
    }
  }
}
