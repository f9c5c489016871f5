// The abstract interpreter: evaluates modules, statements and expressions to Values, following
// calls into user functions within and across files (context-sensitive, memoised, bounded).
// Rules hook in through the checks called from here (SDK calls, sinks, routes, tools).
import { ts } from '../ts';
import type { Workspace } from '../workspace';
import type { Knowledge } from '../knowledge/models';
import type { Reporter } from './reporter';
import { Scope, newEffects, mergeEffects, type Cell, type Frame, type ModuleCtx, type ToolCtx } from './scope';
import {
  EMPTY, fresh, join, literalValue, constString, stringOf, withStep, deepFlows, clear,
  type Value, type FnRef, type StrPart, type HttpApp,
} from './values';
import { importBinding, requireBinding } from './imports';
import { memberOf } from './members';
import { evalCall } from './calls';
import { refinementsOf, applyRefinement, conditionChecksGuard, type Refinement } from './guards';
import { checkJsxAttribute } from './sinks';
import { shortText } from './reporter';
import { InventoryRecorder } from './inventory';
import { typedPiiValue } from './declared-types';

const MAX_DEPTH = 14;

export interface InterpreterOptions {
  /** Stop analysing at this time (Date.now() milliseconds): the budget of the whole run. */
  deadline: number;
  /** At most this many milliseconds for each file's phase started with `startFile` (default: no limit). */
  fileBudgetMs?: number;
}

export class Interpreter {
  readonly modules = new Map<string, ModuleCtx>();
  readonly httpApps: HttpApp[] = [];
  readonly analysed = new Set<ts.Node>();
  readonly reactState = new Map<ts.Node, Value>();
  readonly inventory = new InventoryRecorder();
  stateVersion = 0;
  private readonly memo = new Map<string, { value: Value; effects: Frame['effects'] }>();
  private readonly inProgress = new Set<string>();
  private nextId = 1;
  private order = 0;
  /** True while the current file (or the run) is over its budget: calls are no longer followed. */
  timedOut = false;
  /** The run's own budget was exceeded: nothing more is followed for any file. */
  runTimedOut = false;
  /** Files whose analysis was cut short by the per-file budget. */
  readonly slowFiles = new Set<string>();
  private fileDeadline = Infinity;
  private currentFile: string | undefined;

  constructor(
    readonly ws: Workspace,
    readonly knowledge: Knowledge,
    readonly reporter: Reporter,
    readonly options: InterpreterOptions,
  ) {}

  newId(): number {
    return this.nextId++;
  }

  nextOrder(): number {
    return ++this.order;
  }

  /**
   * Starts a file's share of the work: a pathological file stops only its own analysis (it is listed in
   * `slowFiles`), and the next file starts with a fresh budget — unless the run's budget is spent.
   */
  startFile(file: string): void {
    this.currentFile = file;
    this.fileDeadline = this.options.fileBudgetMs === undefined ? Infinity : Date.now() + this.options.fileBudgetMs;
    this.timedOut = this.runTimedOut;
  }

  checkDeadline(): boolean {
    if (this.timedOut) return true;
    const now = Date.now();
    if (now > this.options.deadline) {
      this.timedOut = this.runTimedOut = true;
    } else if (now > this.fileDeadline) {
      this.timedOut = true;
      if (this.currentFile) this.slowFiles.add(this.currentFile);
    }
    return this.timedOut;
  }

  // ---------------------------------------------------------------- modules

  module(file: string): ModuleCtx | undefined {
    const existing = this.modules.get(file);
    if (existing) return existing;
    const sf = this.ws.sourceFile(file);
    if (!sf) return undefined;
    const ctx: ModuleCtx = {
      file,
      sf,
      scope: undefined as unknown as Scope,
      exports: new Map(),
      starExports: [],
      useClient: hasDirective(sf, 'use client'),
      useServer: hasDirective(sf, 'use server'),
      evaluated: false,
      callsLlm: false,
    };
    ctx.scope = new Scope(undefined, ctx, undefined);
    this.modules.set(file, ctx);
    this.declareModule(ctx);
    return ctx;
  }

  /** Runs a module's top-level statements once (route registrations, client construction). */
  evaluateModule(ctx: ModuleCtx): void {
    if (ctx.evaluated) return;
    ctx.evaluated = true;
    const frame: Frame = { name: '<module>', returns: [], effects: newEffects(), depth: 0, created: [] };
    const scope = new Scope(ctx.scope, ctx, frame);
    for (const stmt of ctx.sf.statements) {
      if (ts.isImportDeclaration(stmt) || ts.isFunctionDeclaration(stmt) || ts.isInterfaceDeclaration(stmt) || ts.isTypeAliasDeclaration(stmt)) continue;
      if (ts.isVariableStatement(stmt)) {
        for (const d of stmt.declarationList.declarations) for (const name of boundNames(d.name)) this.force(ctx.scope.lookup(name));
        continue;
      }
      if (ts.isClassDeclaration(stmt) || ts.isExportDeclaration(stmt)) continue;
      this.execStatement(stmt, scope);
    }
  }

  force(cell: Cell | undefined): Value {
    if (!cell) return EMPTY;
    if (cell.value) return cell.value;
    if (cell.init && !cell.evaluating) {
      cell.evaluating = true;
      try {
        cell.value = cell.init();
      } finally {
        cell.evaluating = false;
      }
      return cell.value;
    }
    return EMPTY;
  }

  /** The value of an export of a workspace module, following re-exports. */
  exportOf(file: string, name: string, seen = new Set<string>()): Value {
    const key = `${file}#${name}`;
    if (seen.has(key)) return EMPTY;
    seen.add(key);
    const ctx = this.module(file);
    if (!ctx) return EMPTY;
    const resolver = ctx.exports.get(name);
    if (resolver) return resolver();
    if (name !== 'default') {
      for (const spec of ctx.starExports) {
        const target = this.ws.resolveImport(spec, file);
        if (target) {
          const v = this.exportOf(target, name, seen);
          if (v !== EMPTY) return v;
        }
      }
    }
    if (name === '*') return this.namespaceOf(file);
    return EMPTY;
  }

  namespaceOf(file: string): Value {
    const ctx = this.module(file);
    if (!ctx) return EMPTY;
    const props = new Map<string, Value>();
    for (const name of ctx.exports.keys()) {
      const resolver = ctx.exports.get(name)!;
      // Lazily resolved on member access through a getter-like proxy value.
      props.set(name, lazyValue(resolver));
    }
    return { flows: [], props, openProps: ctx.starExports.length > 0 };
  }

  private declareModule(ctx: ModuleCtx): void {
    const { sf, scope } = ctx;
    const exportLocal = (exported: string, local: string) => ctx.exports.set(exported, () => this.force(scope.lookup(local)));
    for (const stmt of sf.statements) {
      if (ts.isImportDeclaration(stmt)) {
        const spec = (stmt.moduleSpecifier as ts.StringLiteral).text;
        const clause = stmt.importClause;
        if (!clause || clause.isTypeOnly) continue;
        if (clause.name) scope.declare(clause.name.text, { init: () => importBinding(this, ctx, spec, 'default', clause.name!) });
        const nb = clause.namedBindings;
        if (nb && ts.isNamespaceImport(nb)) scope.declare(nb.name.text, { init: () => importBinding(this, ctx, spec, '*', nb.name) });
        if (nb && ts.isNamedImports(nb)) {
          for (const el of nb.elements) {
            if (el.isTypeOnly) continue;
            const imported = (el.propertyName ?? el.name).text;
            scope.declare(el.name.text, { init: () => importBinding(this, ctx, spec, imported, el.name) });
          }
        }
        continue;
      }
      if (ts.isExportDeclaration(stmt)) {
        if (stmt.isTypeOnly) continue;
        const spec = stmt.moduleSpecifier && ts.isStringLiteral(stmt.moduleSpecifier) ? stmt.moduleSpecifier.text : undefined;
        if (!stmt.exportClause) {
          if (spec) ctx.starExports.push(spec);
          continue;
        }
        if (ts.isNamespaceExport(stmt.exportClause)) {
          const name = stmt.exportClause.name.text;
          if (spec) ctx.exports.set(name, () => importBinding(this, ctx, spec, '*', stmt));
          continue;
        }
        for (const el of stmt.exportClause.elements) {
          const local = (el.propertyName ?? el.name).text;
          const exported = el.name.text;
          if (spec) ctx.exports.set(exported, () => importBinding(this, ctx, spec, local, el));
          else exportLocal(exported, local);
        }
        continue;
      }
      if (ts.isExportAssignment(stmt)) {
        const expr = stmt.expression;
        ctx.exports.set('default', once(() => this.evalExpr(expr, this.moduleScope(ctx))));
        continue;
      }
      const exported = hasModifier(stmt, ts.SyntaxKind.ExportKeyword);
      const isDefault = hasModifier(stmt, ts.SyntaxKind.DefaultKeyword);
      if (ts.isFunctionDeclaration(stmt)) {
        const fnValue: Value = { flows: [], fns: [{ decl: stmt, scope }] };
        if (stmt.name) scope.declare(stmt.name.text, { value: fnValue });
        if (exported) ctx.exports.set(isDefault ? 'default' : stmt.name!.text, () => fnValue);
        continue;
      }
      if (ts.isClassDeclaration(stmt)) {
        const classValue: Value = { flows: [], classDecl: stmt, classScope: scope };
        if (stmt.name) scope.declare(stmt.name.text, { value: classValue });
        if (exported) ctx.exports.set(isDefault ? 'default' : stmt.name?.text ?? 'default', () => classValue);
        continue;
      }
      if (ts.isVariableStatement(stmt)) {
        for (const d of stmt.declarationList.declarations) {
          const declScope = this.moduleScope(ctx);
          const initAll = once(() => {
            const v = d.initializer ? credentialConstant(d, this.evalExpr(d.initializer, declScope)) : fresh();
            this.bindPattern(d.name, v, scope, d.initializer ?? d, true);
            return v;
          });
          for (const name of boundNames(d.name)) {
            const cell: Cell = {
              init: () => {
                initAll();
                const bound = scope.vars.get(name);
                return bound?.value ?? EMPTY;
              },
            };
            scope.declare(name, cell);
            if (exported) exportLocal(name, name);
          }
        }
        continue;
      }
      if (ts.isEnumDeclaration(stmt)) {
        scope.declare(stmt.name.text, { value: fresh() });
        if (exported) exportLocal(stmt.name.text, stmt.name.text);
      }
    }
    // CommonJS exports: module.exports = ..., exports.x = ...
    for (const stmt of sf.statements) {
      if (!ts.isExpressionStatement(stmt) || !ts.isBinaryExpression(stmt.expression)) continue;
      const { left, right, operatorToken } = stmt.expression;
      if (operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
      const text = left.getText(sf);
      if (text === 'module.exports') {
        const get = once(() => this.evalExpr(right, this.moduleScope(ctx)));
        ctx.exports.set('default', get);
        if (ts.isObjectLiteralExpression(right)) {
          for (const p of right.properties) {
            if (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) {
              const name = p.name.text;
              ctx.exports.set(name, () => memberOf(this, get(), name, p, this.moduleScope(ctx)));
            }
          }
        } else {
          ctx.exports.set('*cjs', get);
        }
      } else if (/^(module\.)?exports\.[A-Za-z_$][\w$]*$/.test(text)) {
        const name = text.split('.').pop()!;
        ctx.exports.set(name, once(() => this.evalExpr(right, this.moduleScope(ctx))));
      }
    }
  }

  private moduleScopes = new Map<ModuleCtx, Scope>();

  moduleScope(ctx: ModuleCtx): Scope {
    let s = this.moduleScopes.get(ctx);
    if (!s) {
      s = new Scope(ctx.scope, ctx, { name: '<module>', returns: [], effects: newEffects(), depth: 0 });
      this.moduleScopes.set(ctx, s);
    }
    return s;
  }

  // ---------------------------------------------------------------- functions

  /**
   * Calls a user function with argument values. Memoised by function and the identity of the
   * argument flows; recursion and depth are bounded.
   */
  invoke(fn: FnRef, args: Value[], callNode: ts.Node | undefined, caller: Scope | undefined, opts: { tool?: ToolCtx; name?: string } = {}): Value {
    const decl = fn.decl;
    const body = (decl as ts.FunctionLikeDeclaration).body;
    const callerFrame = caller?.frame;
    const depth = (callerFrame?.depth ?? 0) + 1;
    if (!body || depth > MAX_DEPTH || this.checkDeadline()) return joinArgs(args);
    const tool = opts.tool ?? callerFrame?.tool;
    const key = memoKey(this, fn, args, tool);
    const cached = this.memo.get(key);
    if (cached) {
      if (callerFrame) mergeEffects(callerFrame.effects, cached.effects);
      return cached.value;
    }
    if (this.inProgress.has(key)) return EMPTY;
    this.inProgress.add(key);
    this.analysed.add(decl);
    const fnName = opts.name ?? functionName(decl);
    const frame: Frame = { fn, name: fnName, returns: [], effects: newEffects(), tool, depth, created: [] };
    const scope = new Scope(fn.scope as Scope, (fn.scope as Scope).module, frame, ts.isArrowFunction(decl) ? undefined : fn.thisValue ?? fresh());
    let result: Value;
    try {
      decl.parameters.forEach((p, i) => {
        let v: Value;
        if (p.dotDotDotToken) v = { flows: [], elements: args.slice(i) };
        else v = args[i] ?? (p.initializer ? this.evalExpr(p.initializer, scope) : this.paramDefault(p, scope));
        if (args[i]) {
          const typed = typedPiiValue(this, p);
          if (typed) v = join(v, typed);
        }
        if (callNode && v.flows.length > 0) v = withStep(v, p.name, `${shortText(p.name, 30)} (parameter of ${fnName})`);
        this.bindPattern(p.name, v, scope, p, false);
      });
      const version = this.stateVersion;
      const run = (runScope: Scope): Value => {
        if (!ts.isBlock(body)) return this.evalExpr(body, runScope);
        this.hoist(body.statements, runScope);
        this.execStatements(body.statements, runScope);
        return join(...frame.returns);
      };
      result = run(scope);
      this.analyseCreated(frame, scope);
      if (frame.usesState && this.stateVersion !== version) {
        // A handler set component state: render once more with the new state.
        frame.returns = [];
        const rerun = new Scope(fn.scope as Scope, scope.module, frame, scope.thisValue);
        decl.parameters.forEach((p, i) => this.bindPattern(p.name, args[i] ?? this.paramDefault(p, rerun), rerun, p, false));
        result = run(rerun);
      }
      if (result.flows.length > 0) result = withStep(result, decl, `returned from ${fnName}()`);
    } finally {
      this.inProgress.delete(key);
    }
    this.memo.set(key, { value: result, effects: frame.effects });
    if (callerFrame) mergeEffects(callerFrame.effects, frame.effects);
    return result;
  }

  /** Closures created in a frame that nothing called (event handlers, callbacks): analysed with unknown arguments. */
  analyseCreated(frame: Frame, scope: Scope): void {
    for (const fn of frame.created ?? []) {
      if (this.analysed.has(fn.decl) || this.timedOut) continue;
      this.invoke(fn, [], undefined, scope);
    }
  }

  /** Invokes a function and returns its effects too (for route handlers and middleware). */
  invokeForEffects(fn: FnRef, args: Value[], opts: { tool?: ToolCtx; name?: string } = {}): { value: Value; effects: Frame['effects'] } {
    const probe: Frame = { name: '<entry>', returns: [], effects: newEffects(), depth: 0, tool: opts.tool };
    const scope = new Scope(fn.scope as Scope, (fn.scope as Scope).module, probe);
    const value = this.invoke(fn, args, undefined, scope, opts);
    return { value, effects: probe.effects };
  }

  /** A parameter with no argument: a client if its type names an SDK class, else unknown. */
  paramDefault(p: ts.ParameterDeclaration, scope: Scope): Value {
    if (p.type && ts.isTypeReferenceNode(p.type)) {
      const name = p.type.typeName.getText();
      const head = name.split('.')[0];
      const cell = scope.lookup(head);
      if (cell) {
        let v = this.force(cell);
        for (const part of name.split('.').slice(1)) v = memberOf(this, v, part, p.type, scope);
        if (v.sdk && (v.sdk.kind === 'export' || v.sdk.kind === 'namespace')) {
          const kind = v.sdk.model.exports.get(v.sdk.exportName ?? '');
          if (kind === 'client-class' || kind === 'client-instance') {
            // Whether a client built elsewhere carries a cap is unknown: assume it does where SDKs cap on the client.
            const model = v.sdk.model;
            const capsOnClient = model.clientOptions.maxTokens.length > 0 || model.calls.some((c) => c.kind === 'client' && c.maxTokens.length > 0);
            return { flows: [], sdk: { ...v.sdk, kind: 'client', path: [], client: { node: p, capped: capsOnClient } } };
          }
        }
        if (v.httpApp || (v.module && /^(express|fastify|hono|koa|@koa\/router|koa-router)$/.test(v.module.spec))) {
          return { flows: [], httpApp: v.httpApp };
        }
      }
    }
    const typed = typedPiiValue(this, p);
    if (typed) return typed;
    // A string parameter is a string of unknown content (it carries no options object).
    const primitive = p.type && (p.type.kind === ts.SyntaxKind.StringKeyword || p.type.kind === ts.SyntaxKind.NumberKeyword);
    return primitive ? { flows: [], userSupplied: true, parts: [{ value: fresh() }] } : { flows: [], userSupplied: true };
  }

  hoist(statements: readonly ts.Statement[], scope: Scope): void {
    for (const stmt of statements) {
      if (ts.isFunctionDeclaration(stmt) && stmt.name) {
        const fn: FnRef = { decl: stmt, scope };
        scope.frame?.created?.push(fn);
        scope.declare(stmt.name.text, { value: { flows: [], fns: [fn] } });
      } else if (ts.isClassDeclaration(stmt) && stmt.name) {
        scope.declare(stmt.name.text, { value: { flows: [], classDecl: stmt, classScope: scope } });
      }
    }
  }

  // ---------------------------------------------------------------- statements

  execStatements(statements: readonly ts.Statement[], scope: Scope): void {
    for (const s of statements) {
      if (this.timedOut) return;
      this.execStatement(s, scope);
    }
  }

  execStatement(stmt: ts.Statement, scope: Scope): void {
    switch (stmt.kind) {
      case ts.SyntaxKind.VariableStatement: {
        for (const d of (stmt as ts.VariableStatement).declarationList.declarations) this.execVarDecl(d, scope);
        return;
      }
      case ts.SyntaxKind.ExpressionStatement:
        this.evalExpr((stmt as ts.ExpressionStatement).expression, scope);
        return;
      case ts.SyntaxKind.ReturnStatement: {
        const r = stmt as ts.ReturnStatement;
        if (r.expression && scope.frame) scope.frame.returns.push(this.evalExpr(r.expression, scope));
        else if (r.expression) this.evalExpr(r.expression, scope);
        return;
      }
      case ts.SyntaxKind.IfStatement:
        this.execIf(stmt as ts.IfStatement, scope);
        return;
      case ts.SyntaxKind.Block: {
        const inner = new Scope(scope, scope.module, scope.frame);
        this.hoist((stmt as ts.Block).statements, inner);
        this.execStatements((stmt as ts.Block).statements, inner);
        return;
      }
      case ts.SyntaxKind.ForOfStatement:
      case ts.SyntaxKind.ForInStatement: {
        const f = stmt as ts.ForOfStatement | ts.ForInStatement;
        const inner = new Scope(scope, scope.module, scope.frame);
        const iterable = this.evalExpr(f.expression, scope);
        const element = ts.isForOfStatement(f) ? elementOf(iterable) : fresh();
        if (ts.isVariableDeclarationList(f.initializer)) {
          for (const d of f.initializer.declarations) this.bindPattern(d.name, element, inner, d, false);
        } else {
          this.assign(f.initializer, element, inner);
        }
        this.execStatement(f.statement, inner);
        return;
      }
      case ts.SyntaxKind.ForStatement: {
        const f = stmt as ts.ForStatement;
        const inner = new Scope(scope, scope.module, scope.frame);
        if (f.initializer) {
          if (ts.isVariableDeclarationList(f.initializer)) for (const d of f.initializer.declarations) this.execVarDecl(d, inner);
          else this.evalExpr(f.initializer, inner);
        }
        if (f.condition) this.evalExpr(f.condition, inner);
        this.execStatement(f.statement, inner);
        if (f.incrementor) this.evalExpr(f.incrementor, inner);
        return;
      }
      case ts.SyntaxKind.WhileStatement:
      case ts.SyntaxKind.DoStatement: {
        const w = stmt as ts.WhileStatement | ts.DoStatement;
        this.evalExpr(w.expression, scope);
        this.execStatement(w.statement, scope);
        return;
      }
      case ts.SyntaxKind.TryStatement: {
        const t = stmt as ts.TryStatement;
        this.execStatement(t.tryBlock, scope);
        if (t.catchClause) {
          const inner = new Scope(scope, scope.module, scope.frame);
          if (t.catchClause.variableDeclaration) this.bindPattern(t.catchClause.variableDeclaration.name, fresh(), inner, t.catchClause, false);
          this.execStatement(t.catchClause.block, inner);
        }
        if (t.finallyBlock) this.execStatement(t.finallyBlock, scope);
        return;
      }
      case ts.SyntaxKind.SwitchStatement: {
        const s = stmt as ts.SwitchStatement;
        const subject = this.evalExpr(s.expression, scope);
        for (const clause of s.caseBlock.clauses) {
          const inner = new Scope(scope, scope.module, scope.frame);
          if (ts.isCaseClause(clause)) {
            this.evalExpr(clause.expression, scope);
            // Inside `case 'literal':` the subject equals a constant.
            if (ts.isStringLiteralLike(clause.expression) || ts.isNumericLiteral(clause.expression)) {
              applyRefinement(this, { target: s.expression, kinds: ['all'] }, inner);
            }
          }
          this.hoist(clause.statements, inner);
          this.execStatements(clause.statements, inner);
        }
        void subject;
        return;
      }
      case ts.SyntaxKind.ThrowStatement:
        this.evalExpr((stmt as ts.ThrowStatement).expression, scope);
        return;
      case ts.SyntaxKind.LabeledStatement:
        this.execStatement((stmt as ts.LabeledStatement).statement, scope);
        return;
      case ts.SyntaxKind.FunctionDeclaration:
      case ts.SyntaxKind.ClassDeclaration:
        return; // hoisted
      case ts.SyntaxKind.ExportAssignment:
        this.evalExpr((stmt as ts.ExportAssignment).expression, scope);
        return;
      default:
        return;
    }
  }

  private execVarDecl(d: ts.VariableDeclaration, scope: Scope): void {
    let v = d.initializer ? credentialConstant(d, this.evalExpr(d.initializer, scope)) : fresh();
    if (ts.isIdentifier(d.name) && v.flows.length > 0 && d.initializer && !isTrivialAlias(d.initializer)) {
      v = withStep(v, d.name, `${d.name.text} = ${shortText(d.initializer, 40)}`);
    }
    this.bindPattern(d.name, v, scope, d.initializer ?? d, true);
  }

  private execIf(stmt: ts.IfStatement, scope: Scope): void {
    this.evalExpr(stmt.expression, scope);
    const whenTrue = refinementsOf(this, stmt.expression, true, scope);
    const whenFalse = refinementsOf(this, stmt.expression, false, scope);
    const thenScope = new Scope(scope, scope.module, scope.frame);
    for (const r of whenTrue) applyRefinement(this, r, thenScope);
    this.execStatement(stmt.thenStatement, thenScope);
    if (stmt.elseStatement) {
      const elseScope = new Scope(scope, scope.module, scope.frame);
      for (const r of whenFalse) applyRefinement(this, r, elseScope);
      this.execStatement(stmt.elseStatement, elseScope);
    }
    // `if (!session) return new Response(..., { status: 401 })`: the entry point checks the guard's verdict.
    if (scope.frame && (exits(stmt.thenStatement) || (stmt.elseStatement && exits(stmt.elseStatement)))) {
      const checked = conditionChecksGuard(this, stmt.expression, scope);
      if (checked) scope.frame.effects.guards.add(checked);
    }
    // `if (!safe(x)) return;` — after the if, x is safe.
    if (exits(stmt.thenStatement) && !stmt.elseStatement) for (const r of whenFalse) applyRefinement(this, r, scope);
    if (stmt.elseStatement && exits(stmt.elseStatement) && !exits(stmt.thenStatement)) for (const r of whenTrue) applyRefinement(this, r, scope);
  }

  /** Binds a (possibly destructuring) pattern. `declare` creates new cells in scope. */
  bindPattern(name: ts.BindingName, value: Value, scope: Scope, node: ts.Node, declare: boolean): void {
    if (ts.isIdentifier(name)) {
      if (declare || !scope.lookup(name.text)) scope.declare(name.text, { value });
      else scope.declare(name.text, { value });
      return;
    }
    if (ts.isObjectBindingPattern(name)) {
      for (const el of name.elements) {
        if (el.dotDotDotToken) {
          this.bindPattern(el.name, value, scope, el, declare);
          continue;
        }
        const propName = el.propertyName
          ? ts.isIdentifier(el.propertyName) || ts.isStringLiteral(el.propertyName)
            ? el.propertyName.text
            : undefined
          : ts.isIdentifier(el.name)
            ? el.name.text
            : undefined;
        let v = propName !== undefined ? memberOf(this, value, propName, el, scope) : { flows: value.flows };
        if (el.initializer) v = join(v, this.evalExpr(el.initializer, scope));
        this.bindPattern(el.name, v, scope, el, declare);
      }
      return;
    }
    if (ts.isArrayBindingPattern(name)) {
      name.elements.forEach((el, i) => {
        if (ts.isOmittedExpression(el)) return;
        let v: Value;
        if (value.special === 'promise' && value.elements) v = value.elements[i] ?? fresh();
        else if (value.elements && value.elements.length > i && !el.dotDotDotToken) v = value.elements[i];
        else v = elementOf(value);
        if (el.initializer) v = join(v, this.evalExpr(el.initializer, scope));
        this.bindPattern(el.name, v, scope, el, declare);
      });
    }
  }

  /** Assignment to an existing target (identifier, property, destructuring). */
  assign(target: ts.Expression | ts.ForInitializer, value: Value, scope: Scope): void {
    if (ts.isParenthesizedExpression(target)) return this.assign(target.expression, value, scope);
    if (ts.isIdentifier(target)) {
      const cell = scope.lookup(target.text);
      if (cell) {
        const old = this.force(cell);
        cell.value = join(value, old);
      } else {
        scope.declare(target.text, { value });
      }
      return;
    }
    if (ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) {
      const obj = this.evalExpr(target.expression, scope);
      const name = ts.isPropertyAccessExpression(target) ? target.name.text : literalKey(target.argumentExpression);
      if (name !== undefined && obj !== EMPTY && !Object.isFrozen(obj)) {
        obj.props ??= new Map();
        const old = obj.props.get(name);
        obj.props.set(name, old ? join(value, old) : value);
        obj.propNodes ??= new Map();
        if (!obj.propNodes.has(name)) obj.propNodes.set(name, target);
      } else if (name === undefined && obj !== EMPTY && !Object.isFrozen(obj)) {
        // obj[key] = v with an unknown key: the object now holds v somewhere.
        obj.elements = [...(obj.elements ?? []), value];
      }
      return;
    }
    if (ts.isObjectLiteralExpression(target) || ts.isArrayLiteralExpression(target)) {
      // Destructuring assignment: treat every target as receiving the value's members.
      const elements = ts.isArrayLiteralExpression(target) ? target.elements : target.properties.map((p) => (ts.isShorthandPropertyAssignment(p) ? p.name : ts.isPropertyAssignment(p) ? p.initializer : undefined));
      for (const el of elements) if (el) this.assign(el as ts.Expression, { flows: deepFlows(value) }, scope);
    }
  }

  // ---------------------------------------------------------------- expressions

  evalExpr(node: ts.Expression, scope: Scope): Value {
    switch (node.kind) {
      case ts.SyntaxKind.Identifier: {
        const name = (node as ts.Identifier).text;
        if (name === 'undefined') return EMPTY;
        const cell = scope.lookup(name);
        if (cell) return this.force(cell);
        return globalValue(this, name);
      }
      case ts.SyntaxKind.StringLiteral:
      case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
        return literalValue(node as ts.StringLiteralLike);
      case ts.SyntaxKind.NumericLiteral:
      case ts.SyntaxKind.BigIntLiteral:
        return constString((node as ts.NumericLiteral).text);
      case ts.SyntaxKind.TrueKeyword:
        return { flows: [], parts: [{ lit: 'true' }] };
      case ts.SyntaxKind.FalseKeyword:
        return { flows: [], parts: [{ lit: 'false' }] };
      case ts.SyntaxKind.NullKeyword:
      case ts.SyntaxKind.RegularExpressionLiteral:
        return fresh();
      case ts.SyntaxKind.ThisKeyword:
        return scope.lookupThis() ?? fresh();
      case ts.SyntaxKind.TemplateExpression:
        return this.evalTemplate(node as ts.TemplateExpression, scope);
      case ts.SyntaxKind.ParenthesizedExpression:
      case ts.SyntaxKind.AsExpression:
      case ts.SyntaxKind.SatisfiesExpression:
      case ts.SyntaxKind.NonNullExpression:
      case ts.SyntaxKind.TypeAssertionExpression:
        return this.evalExpr((node as ts.ParenthesizedExpression).expression, scope);
      case ts.SyntaxKind.AwaitExpression:
        return awaited(this.evalExpr((node as ts.AwaitExpression).expression, scope));
      case ts.SyntaxKind.PropertyAccessExpression: {
        const p = node as ts.PropertyAccessExpression;
        if (p.expression.kind === ts.SyntaxKind.MetaProperty && p.name.text === 'env') return { flows: [], special: 'import-meta-env' };
        const obj = this.evalExpr(p.expression, scope);
        return memberOf(this, obj, p.name.text, p, scope);
      }
      case ts.SyntaxKind.ElementAccessExpression: {
        const e = node as ts.ElementAccessExpression;
        const obj = this.evalExpr(e.expression, scope);
        const keyValue = this.evalExpr(e.argumentExpression, scope);
        const key = literalKey(e.argumentExpression) ?? (keyValue.flows.length === 0 ? undefined : undefined);
        if (key !== undefined) return memberOf(this, obj, key, e, scope);
        // A lookup in a constant table with an untrusted key yields one of the constants.
        if (obj.props && !obj.openProps && obj.flows.length === 0 && [...obj.props.values()].every((v) => deepFlows(v).length === 0)) {
          return join(...obj.props.values());
        }
        return join(elementOf(obj), { flows: obj.flows });
      }
      case ts.SyntaxKind.CallExpression:
      case ts.SyntaxKind.NewExpression:
        return evalCall(this, node as ts.CallExpression | ts.NewExpression, scope);
      case ts.SyntaxKind.TaggedTemplateExpression:
        return this.evalTaggedTemplate(node as ts.TaggedTemplateExpression, scope);
      case ts.SyntaxKind.BinaryExpression:
        return this.evalBinary(node as ts.BinaryExpression, scope);
      case ts.SyntaxKind.ConditionalExpression: {
        const c = node as ts.ConditionalExpression;
        this.evalExpr(c.condition, scope);
        const t = new Scope(scope, scope.module, scope.frame);
        for (const r of refinementsOf(this, c.condition, true, scope)) applyRefinement(this, r, t);
        const f = new Scope(scope, scope.module, scope.frame);
        for (const r of refinementsOf(this, c.condition, false, scope)) applyRefinement(this, r, f);
        return join(this.evalExpr(c.whenTrue, t), this.evalExpr(c.whenFalse, f));
      }
      case ts.SyntaxKind.PrefixUnaryExpression:
      case ts.SyntaxKind.PostfixUnaryExpression: {
        this.evalExpr((node as ts.PrefixUnaryExpression).operand, scope);
        return fresh();
      }
      case ts.SyntaxKind.TypeOfExpression:
      case ts.SyntaxKind.VoidExpression:
      case ts.SyntaxKind.DeleteExpression:
        this.evalExpr((node as ts.TypeOfExpression).expression, scope);
        return fresh();
      case ts.SyntaxKind.ObjectLiteralExpression:
        return this.evalObject(node as ts.ObjectLiteralExpression, scope);
      case ts.SyntaxKind.ArrayLiteralExpression: {
        const elements: Value[] = [];
        let open = false;
        for (const el of (node as ts.ArrayLiteralExpression).elements) {
          if (ts.isSpreadElement(el)) {
            const v = this.evalExpr(el.expression, scope);
            if (v.elements) elements.push(...v.elements);
            else {
              open = true;
              if (deepFlows(v).length > 0 || v.props) elements.push({ ...v, flows: deepFlows(v), spreadOf: true } as Value);
            }
          } else if (!ts.isOmittedExpression(el)) {
            elements.push(this.evalExpr(el, scope));
          }
        }
        const out: Value = { flows: [], elements };
        if (open) out.openProps = true;
        return out;
      }
      case ts.SyntaxKind.ArrowFunction:
      case ts.SyntaxKind.FunctionExpression: {
        const fn: FnRef = { decl: node as ts.ArrowFunction, scope, thisValue: scope.lookupThis() };
        scope.frame?.created?.push(fn);
        return { flows: [], fns: [fn] };
      }
      case ts.SyntaxKind.ClassExpression:
        return { flows: [], classDecl: node as ts.ClassExpression, classScope: scope };
      case ts.SyntaxKind.JsxElement:
      case ts.SyntaxKind.JsxSelfClosingElement:
      case ts.SyntaxKind.JsxFragment:
        this.evalJsx(node as ts.JsxElement, scope);
        return fresh();
      case ts.SyntaxKind.SpreadElement:
        return this.evalExpr((node as ts.SpreadElement).expression, scope);
      case ts.SyntaxKind.CommaListExpression:
        return fresh();
      default:
        return fresh();
    }
  }

  private evalTemplate(node: ts.TemplateExpression, scope: Scope): Value {
    const parts: StrPart[] = [{ lit: node.head.text }];
    const flows = [];
    const literals: ts.StringLiteralLike[] = [];
    for (const span of node.templateSpans) {
      const v = this.evalExpr(span.expression, scope);
      if (v.literals) literals.push(...v.literals);
      const f = deepFlows(v);
      flows.push(...f);
      // Constant strings are inlined; a tainted nested string stays one part, so delimiters around it count.
      if (v.parts && f.length === 0 && v.parts.every((p) => p.lit !== undefined)) parts.push(...v.parts);
      else parts.push({ value: { ...v, flows: f } });
      parts.push({ lit: span.literal.text });
    }
    const out = stringOf(mergeLits(parts), flows);
    if (literals.length) out.literals = literals.slice(0, 8);
    return out;
  }

  private evalTaggedTemplate(node: ts.TaggedTemplateExpression, scope: Scope): Value {
    const tag = this.evalExpr(node.tag, scope);
    const template = node.template;
    const spans = ts.isTemplateExpression(template) ? template.templateSpans.map((s) => this.evalExpr(s.expression, scope)) : [];
    const tagName = node.tag.getText().split('.').pop() ?? '';
    // sql`...` (postgres, drizzle, @vercel/postgres, Prisma.sql, $queryRaw) parameterises its values.
    if (/^(sql|\$queryRaw|\$executeRaw|SQL|raw)$/.test(tagName) || tag.dbClient) return fresh();
    if (tag.fns) return this.invoke(tag.fns[0], [fresh(), ...spans], node, scope);
    return { flows: spans.flatMap((s) => deepFlows(s)) };
  }

  private evalBinary(node: ts.BinaryExpression, scope: Scope): Value {
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.EqualsToken) {
      const v = this.evalExpr(node.right, scope);
      checkAssignmentSink(this, node, v, scope);
      this.assign(node.left, v, scope);
      return v;
    }
    if (op === ts.SyntaxKind.PlusEqualsToken) {
      const left = this.evalExpr(node.left, scope);
      const right = this.evalExpr(node.right, scope);
      const v = concat(left, right);
      checkAssignmentSink(this, node, v, scope);
      if (ts.isIdentifier(node.left)) {
        const cell = scope.lookup(node.left.text);
        if (cell) cell.value = v;
        else scope.declare(node.left.text, { value: v });
      } else {
        this.assign(node.left, v, scope);
      }
      return v;
    }
    if (op === ts.SyntaxKind.QuestionQuestionEqualsToken || op === ts.SyntaxKind.BarBarEqualsToken) {
      const v = this.evalExpr(node.right, scope);
      this.assign(node.left, v, scope);
      return v;
    }
    const left = this.evalExpr(node.left, scope);
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) {
      const inner = new Scope(scope, scope.module, scope.frame);
      for (const r of refinementsOf(this, node.left, true, scope)) applyRefinement(this, r, inner);
      return this.evalExpr(node.right, inner);
    }
    const right = this.evalExpr(node.right, scope);
    switch (op) {
      case ts.SyntaxKind.PlusToken:
        return concat(left, right);
      case ts.SyntaxKind.BarBarToken:
      case ts.SyntaxKind.QuestionQuestionToken:
        return join(left, right);
      case ts.SyntaxKind.CommaToken:
        return right;
      default:
        return fresh(); // comparisons, arithmetic, instanceof, in: not strings
    }
  }

  private evalObject(node: ts.ObjectLiteralExpression, scope: Scope): Value {
    const props = new Map<string, Value>();
    const propNodes = new Map<string, ts.Node>();
    let open = false;
    const flows = [];
    for (const p of node.properties) {
      if (ts.isPropertyAssignment(p)) {
        const key = propertyKey(p.name, this, scope);
        const v = this.evalExpr(p.initializer, scope);
        if (key === undefined) {
          open = true;
          flows.push(...deepFlows(v));
        } else {
          props.set(key, v);
          propNodes.set(key, p);
        }
      } else if (ts.isShorthandPropertyAssignment(p)) {
        const v = this.evalExpr(p.name, scope);
        props.set(p.name.text, v);
        propNodes.set(p.name.text, p);
      } else if (ts.isSpreadAssignment(p)) {
        const v = this.evalExpr(p.expression, scope);
        if (v.props) {
          for (const [k, pv] of v.props) {
            props.set(k, pv);
            const n = v.propNodes?.get(k);
            if (n) propNodes.set(k, n);
          }
          if (v.openProps) open = true;
          flows.push(...v.flows);
        } else {
          open = true;
          flows.push(...deepFlows(v));
        }
      } else if (ts.isMethodDeclaration(p) || ts.isGetAccessorDeclaration(p)) {
        const key = propertyKey(p.name, this, scope);
        if (key !== undefined) {
          props.set(key, { flows: [], fns: [{ decl: p, scope }] });
          propNodes.set(key, p);
        }
      }
    }
    const out: Value = { flows, props, propNodes };
    if (open) out.openProps = true;
    return out;
  }

  private evalJsx(node: ts.JsxElement | ts.JsxSelfClosingElement | ts.JsxFragment, scope: Scope): void {
    const opening = ts.isJsxElement(node) ? node.openingElement : ts.isJsxSelfClosingElement(node) ? node : undefined;
    let props: Value | undefined;
    if (opening) {
      props = { flows: [], props: new Map(), propNodes: new Map() };
      for (const attr of opening.attributes.properties) {
        if (ts.isJsxAttribute(attr)) {
          const name = attr.name.getText();
          let v: Value = fresh();
          if (attr.initializer) {
            if (ts.isJsxExpression(attr.initializer)) v = attr.initializer.expression ? this.evalExpr(attr.initializer.expression, scope) : fresh();
            else if (ts.isStringLiteral(attr.initializer)) v = literalValue(attr.initializer);
            else v = this.evalExpr(attr.initializer as ts.Expression, scope);
          } else {
            v = { flows: [], parts: [{ lit: 'true' }] };
          }
          props.props!.set(name, v);
          props.propNodes!.set(name, attr);
          checkJsxAttribute(this, opening, attr, v, scope);
        } else {
          const v = this.evalExpr(attr.expression, scope);
          if (v.props) for (const [k, pv] of v.props) props.props!.set(k, pv);
        }
      }
    }
    const children: Value[] = [];
    if (ts.isJsxElement(node) || ts.isJsxFragment(node)) {
      for (const child of node.children) {
        if (ts.isJsxExpression(child) && child.expression) children.push(this.evalExpr(child.expression, scope));
        else if (ts.isJsxElement(child) || ts.isJsxSelfClosingElement(child) || ts.isJsxFragment(child)) this.evalJsx(child, scope);
      }
    }
    if (opening && props) {
      if (children.length) props.props!.set('children', join(...children));
      checkJsxElement(this, opening, props, children, scope);
      // A component defined in the workspace receives the props: follow data into it.
      const tag = opening.tagName;
      if (ts.isIdentifier(tag) && /^[A-Z]/.test(tag.text)) {
        const comp = this.evalExpr(tag, scope);
        if (comp.fns) for (const fn of comp.fns) this.invoke(fn, [props], opening, scope, { name: tag.text });
      }
    }
  }
}

// ---------------------------------------------------------------- helpers

import { concat, elementOf, awaited, globalValue, joinArgs } from './builtins';
import { checkAssignmentSink, checkJsxElement } from './sinks';

const CREDENTIAL_NAME = /(^|_|[a-z])(password|passwd|secret|api_?key|apikey|token|private_?key|credentials?)$/i;
const NOT_A_SECRET = /^(|x+|\*+|changeme|password|secret|test|dummy|example|placeholder|your[-_ ].*|<.*>|\.\.\.)$/i;

/**
 * `const SMTP_PASSWORD = 'Wint3r!Relay'`, `const resetToken = crypto.randomBytes(32)...`: a variable named
 * for a credential holds a secret wherever it goes (model output and numbers excepted).
 */
function credentialConstant(d: ts.VariableDeclaration, v: Value): Value {
  if (!ts.isIdentifier(d.name) || !d.initializer || !CREDENTIAL_NAME.test(d.name.text)) return v;
  if (v.flows.some((f) => f.kind === 'secret' || f.kind === 'llm-output' || f.kind === 'tool-args')) return v;
  if (ts.isStringLiteralLike(d.initializer)) {
    if (NOT_A_SECRET.test(d.initializer.text) || d.initializer.text.length < 6) return v;
  } else if (!ts.isCallExpression(d.initializer) && !ts.isAwaitExpression(d.initializer) && !ts.isPropertyAccessExpression(d.initializer)) {
    return v;
  }
  const label = ts.isStringLiteralLike(d.initializer) ? `${d.name.text} (credential constant)` : `${d.name.text} (credential)`;
  return { ...v, flows: [{ kind: 'secret', steps: [{ node: d.initializer, label }] }, ...v.flows] };
}

function hasDirective(sf: ts.SourceFile, directive: string): boolean {
  for (const stmt of sf.statements) {
    if (ts.isExpressionStatement(stmt) && ts.isStringLiteral(stmt.expression)) {
      if (stmt.expression.text === directive) return true;
      continue;
    }
    break;
  }
  return false;
}

export function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  const mods = ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined;
  return !!mods?.some((m) => m.kind === kind);
}

export function boundNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  const out: string[] = [];
  for (const el of name.elements) if (!ts.isOmittedExpression(el)) out.push(...boundNames(el.name));
  return out;
}

function once<T>(f: () => T): () => T {
  let done = false;
  let value: T;
  let running = false;
  return () => {
    if (done) return value;
    if (running) return EMPTY as unknown as T;
    running = true;
    try {
      value = f();
      done = true;
    } finally {
      running = false;
    }
    return value;
  };
}

function lazyValue(resolve: () => Value): Value {
  // Namespace members are resolved when first read: a proxy cell.
  const v: Value = { flows: [] };
  let resolved = false;
  return new Proxy(v, {
    get(target, prop, receiver) {
      if (!resolved) {
        resolved = true;
        Object.assign(target, resolve());
      }
      return Reflect.get(target, prop, receiver);
    },
  });
}

export function functionName(decl: ts.SignatureDeclaration): string {
  if (decl.name && ts.isIdentifier(decl.name)) return decl.name.text;
  const parent = decl.parent;
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (parent && ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  return 'anonymous function';
}

export function literalKey(expr: ts.Expression): string | undefined {
  if (ts.isStringLiteralLike(expr) || ts.isNumericLiteral(expr)) return expr.text;
  return undefined;
}

function propertyKey(name: ts.PropertyName, interp: Interpreter, scope: Scope): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isComputedPropertyName(name)) {
    const v = interp.evalExpr(name.expression, scope);
    if (v.parts && v.flows.length === 0 && v.parts.every((p) => p.lit !== undefined)) return v.parts.map((p) => p.lit).join('');
  }
  return undefined;
}

function mergeLits(parts: StrPart[]): StrPart[] {
  const out: StrPart[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (p.lit !== undefined && last && last.lit !== undefined) last.lit += p.lit;
    else out.push(p.lit !== undefined ? { lit: p.lit } : p);
  }
  return out;
}

function exits(stmt: ts.Statement): boolean {
  if (ts.isReturnStatement(stmt) || ts.isThrowStatement(stmt) || ts.isContinueStatement(stmt) || ts.isBreakStatement(stmt)) return true;
  if (ts.isBlock(stmt) && stmt.statements.length > 0) return exits(stmt.statements[stmt.statements.length - 1]);
  if (ts.isExpressionStatement(stmt) && ts.isCallExpression(stmt.expression)) {
    const callee = stmt.expression.expression.getText();
    return /(^|\.)(exit|notFound|redirect|abort)$/.test(callee);
  }
  return false;
}

function isTrivialAlias(expr: ts.Expression): boolean {
  return ts.isIdentifier(expr);
}

function argSignature(interp: Interpreter, a: Value): string {
  let sig = '';
  const flows = a.props || a.elements || a.parts ? deepFlows(a) : a.flows;
  for (const f of flows) sig += `${f.kind}@${nodeId(f.steps[0].node)}${f.cleared ? '/' + [...f.cleared].sort().join('+') : ''},`;
  if (a.special) sig += `|${a.special}`;
  if (a.sdk) sig += `|${a.sdk.model.id}:${a.sdk.kind}:${a.sdk.path.join('.')}`;
  if (a.fns) sig += `|f${a.fns.map((f) => nodeId(f.decl)).join('.')}`;
  if (a.httpApp) sig += `|app${a.httpApp.id}`;
  if (a.userSupplied) sig += '|u';
  if (a.props) sig += `|p${a.props.size}`;
  if (a.elements) sig += `|e${a.elements.length}`;
  if (a.parts) sig += '|s';
  if (a.env) sig += `|env${a.env.name}`;
  if (a.schema) sig += '|z';
  if (a.template || a.chain) sig += '|t';
  if (a.classDecl || a.instanceOf) sig += `|c${nodeId((a.classDecl ?? a.instanceOf)!)}`;
  return sig;
}

function memoKey(interp: Interpreter, fn: FnRef, args: Value[], tool: ToolCtx | undefined): string {
  let key = `${nodeId(fn.decl)}(`;
  for (const a of args) key += `${argSignature(interp, a)};`;
  key += ')';
  if (fn.thisValue) key += `this${fn.thisValue.instanceOf ? nodeId(fn.thisValue.instanceOf) : ''}`;
  if (tool) key += `tool${nodeId(tool.node)}`;
  return key;
}

// One numbering for every interpreter of the thread: a Workspace (its parsed nodes) outlives an interpreter
// (the language server, the tasks of a parallel scan), and per-interpreter numbers would let two nodes share an
// id in memo keys.
const nodeIds = new WeakMap<ts.Node, number>();
let lastNodeId = 0;
export function nodeId(node: ts.Node): number {
  let id = nodeIds.get(node);
  if (id === undefined) {
    id = ++lastNodeId;
    nodeIds.set(node, id);
  }
  return id;
}

export type { Refinement };
export { clear };
