// Scanning: files → workspace → interpreter → findings. One call for the CLI, the server and the tests.
import * as path from 'path';
import { ts } from './ts';
import { collectFiles, generatedOrMinified, DEFAULT_MAX_FILE_BYTES } from './files';
import { Workspace } from './workspace';
import { loadKnowledge, type Knowledge } from './knowledge/models';
import { Reporter } from './analysis/reporter';
import { Interpreter, boundNames } from './analysis/interpreter';
import { sdkForModule } from './analysis/imports';
import { analyseConventionEntries, isConventionEntryFile, isNextMiddlewareFile, middlewareGuards, routeScope, middlewareMatchers, type NextMiddleware } from './analysis/entries';
import { resolveRoutes } from './analysis/http';
import { KEY_TEXT_HINT, knownKeyProvider } from './analysis/keys';
import { keyFix } from './fixes';
import { newEffects } from './analysis/scope';
import { Scope, type ModuleCtx } from './analysis/scope';
import { fresh, type GuardKind } from './analysis/values';
import type { Finding, Inventory, ScanResult, SkippedFile } from './types';

export interface ScanProgress {
  phase: string;
  done: number;
  total: number;
}

export interface ScanOptions {
  cwd?: string;
  onProgress?: (p: ScanProgress) => void;
  maxFileBytes?: number;
  /** Milliseconds of analysis allowed per file on average before the rest of a root is skipped. */
  perFileBudgetMs?: number;
  /** At most this many milliseconds for any one file (default: 10× the average, at least 2 s). */
  fileBudgetMs?: number;
  /** Analyse every file, not only those the text pre-filter selects (engine stress tests). */
  analyseAll?: boolean;
  /** The knowledge to analyse with (rules/ merged with the workspace configuration); default rules/ alone. */
  knowledge?: Knowledge;
  /** Files to leave out (configured exclude globs), decided on absolute paths. */
  exclude?: (file: string) => boolean;
  /** The files given are already the selected candidates (a worker of a parallel scan). */
  preselected?: boolean;
  /** Worker threads for a large scan (default: see defaultWorkers). */
  workers?: number;
  /** Fewest candidate files worth a parallel scan (tests lower it). */
  minParallelCandidates?: number;
  /** The files given are one part of the workspace's candidates (a task of a parallel scan). */
  partOf?: WorkspaceContext;
}

/** What a part of a parallel scan needs to know about the whole workspace. */
export interface WorkspaceContext {
  /** Every candidate file of the workspace (imports of candidates are analysed). */
  candidates: ReadonlySet<string>;
  /** The workspace's Next.js middleware (see nextMiddlewareGuards). */
  nextGuards: NextMiddleware;
}

/** Quick text test: could this file matter to any rule? Most files of a large repository fail it. */
export function isCandidate(file: string, text: string, knowledge: Knowledge): boolean {
  if (isConventionEntryFile(file)) return true;
  if (/['"]use server['"]/.test(text.slice(0, 500))) return true;
  if (/\.(get|post|put|patch|delete|all|route|use)\s*\(/.test(text) && /\b(express|fastify|hono|koa|@koa\/router|koa-router|createServer)\b/.test(text)) return true;
  if (KEY_TEXT_HINT.test(text)) return true;
  if (/NODE_TLS_REJECT_UNAUTHORIZED/.test(text)) return true;
  for (const host of knowledge.sdks.flatMap((s) => s.hosts)) if (text.includes(host)) return true;
  if (/\/v1\/(chat\/completions|completions|messages|responses)\b|:11434\/api\//.test(text)) return true;
  return sdkImportPattern(knowledge).test(text);
}

let importPatternCache: RegExp | undefined;
function sdkImportPattern(knowledge: Knowledge): RegExp {
  if (importPatternCache) return importPatternCache;
  const specs = knowledge.sdks.flatMap((s) => s.modules).map((m) => (m.endsWith('/*') ? `${escape(m.slice(0, -2))}(?:/[^'"]*)?` : `${escape(m)}`));
  // (Deno and CDN forms too: "npm:openai@4", "https://esm.sh/openai@4".)
  importPatternCache = new RegExp(`['"](?:npm:|https?://esm\\.sh/)?(?:${specs.join('|')})(?:@[\\w.^~-]+)?['"/?]`);
  return importPatternCache;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}


const DEFAULT_PER_FILE_BUDGET_MS = 200;
/** One file may take many times the average (it may pull in shared modules first), but not without bound. */
const FILE_BUDGET_FACTOR = 10;
const MIN_FILE_BUDGET_MS = 2_000;

export interface AnalysisOutput {
  findings: Finding[];
  inventory: Inventory;
  skipped: SkippedFile[];
  analysed: number;
}

/** Analyses a set of files that form one workspace rooted at `root`. */
export function analyseFiles(root: string, files: string[], options: ScanOptions = {}, ws = new Workspace(root)): AnalysisOutput {
  const knowledge = options.knowledge ?? loadKnowledge();
  const reporter = new Reporter(root);
  const perFile = options.perFileBudgetMs ?? DEFAULT_PER_FILE_BUDGET_MS;
  const fileBudgetMs = options.fileBudgetMs ?? Math.max(perFile * FILE_BUDGET_FACTOR, MIN_FILE_BUDGET_MS);
  const interp = new Interpreter(ws, knowledge, reporter, { deadline: Date.now() + perFile * Math.max(files.length, 50), fileBudgetMs });
  const progress = options.onProgress;
  const { candidates, skipped } = options.preselected ? { candidates: files, skipped: [] as SkippedFile[] } : selectCandidates(root, files, ws, knowledge, options);
  const candidateSet = options.partOf?.candidates ?? new Set(candidates);
  const modules = [];
  for (const [i, file] of candidates.entries()) {
    progress?.({ phase: 'analysing', done: i, total: candidates.length });
    try {
      const ctx = interp.module(file);
      if (!ctx) {
        skipped.push({ file, reason: 'cannot parse file' });
        continue;
      }
      modules.push(ctx);
      interp.startFile(file);
      interp.evaluateModule(ctx);
    } catch (e) {
      skipped.push({ file, reason: `analysis failed: ${(e as Error).message}` });
    }
  }
  // Next.js middleware guards every route of the app.
  const nextGuards = options.partOf?.nextGuards ?? guardsOfMiddleware(interp, modules, root);
  for (const ctx of modules) {
    try {
      interp.startFile(ctx.file);
      analyseConventionEntries(interp, ctx, nextGuards);
    } catch (e) {
      skipped.push({ file: ctx.file, reason: `analysis failed: ${(e as Error).message}` });
    }
  }
  // Every function of a candidate file not reached from an entry point, analysed with unknown arguments.
  for (const ctx of modules) {
    try {
      interp.startFile(ctx.file);
      const scope = new Scope(ctx.scope, ctx, { name: '<module>', returns: [], effects: newEffects(), depth: 0 });
      analyseRemaining(interp, ctx.sf, scope, options.analyseAll ? undefined : relevantStatements(interp, ctx.sf, candidateSet));
    } catch (e) {
      skipped.push({ file: ctx.file, reason: `analysis failed: ${(e as Error).message}` });
    }
  }
  interp.startFile(root); // the routes registered on HTTP apps, across files
  resolveRoutes(interp);
  for (const ctx of modules) {
    checkLiteralKeys(interp, ctx.sf);
    if (ctx.callsLlm) checkTlsEnv(interp, ctx.sf);
  }
  for (const file of interp.slowFiles) {
    const what = file === root ? 'analysis of the HTTP routes' : 'analysis of this file';
    skipped.push({ file, reason: `${what} stopped after ${fileBudgetMs} ms (per-file time budget); results may be incomplete` });
  }
  if (interp.runTimedOut) skipped.push({ file: root, reason: 'analysis time budget exceeded; results may be incomplete' });
  progress?.({ phase: 'done', done: candidates.length, total: candidates.length });
  return { findings: reporter.findings(), inventory: interp.inventory.result(), skipped, analysed: modules.length };
}

function guardsOfMiddleware(interp: Interpreter, modules: ModuleCtx[], root: string): NextMiddleware {
  const guards = new Set<GuardKind>();
  let matchers: string[] | undefined = [];
  let scope: { only?: string[]; except?: string[] } = {};
  let any = false;
  for (const ctx of modules) {
    if (!isNextMiddlewareFile(ctx.file, root, ctx.sf.text)) continue;
    any = true;
    for (const g of middlewareGuards(interp, ctx)) guards.add(g);
    const own = middlewareMatchers(ctx.sf);
    matchers = own && matchers ? [...matchers, ...own] : undefined; // one middleware without a matcher covers everything
    scope = { ...routeScope(ctx.sf), ...scope };
  }
  return { guards, matchers: any ? matchers : undefined, ...scope };
}

/** The guards of the Next.js middleware among `files`, evaluated on their own (each part of a parallel scan needs them). */
export function nextMiddlewareGuards(root: string, files: readonly string[], ws: Workspace, knowledge: Knowledge, perFileBudgetMs = DEFAULT_PER_FILE_BUDGET_MS): NextMiddleware {
  const middleware = files.filter((f) => isNextMiddlewareFile(f, root));
  if (middleware.length === 0) return { guards: new Set() };
  const interp = new Interpreter(ws, knowledge, new Reporter(root), { deadline: Date.now() + perFileBudgetMs * Math.max(middleware.length, 50) });
  const modules: ModuleCtx[] = [];
  for (const file of middleware) {
    try {
      const ctx = interp.module(file);
      if (!ctx) continue;
      interp.evaluateModule(ctx);
      modules.push(ctx);
    } catch {
      // Reported by the part that analyses the file.
    }
  }
  return guardsOfMiddleware(interp, modules, root);
}

/** Reads every file once and keeps those that can matter (and the files that import them). */
export function selectCandidates(root: string, files: string[], ws: Workspace, knowledge: Knowledge, options: ScanOptions = {}): CandidateSelection {
  const skipped: SkippedFile[] = [];
  const candidates: string[] = [];
  const texts = new Map<string, string>();
  const others = new Map<string, string>();
  const progress = options.onProgress;
  files.forEach((file, i) => {
    if (progress && i % 200 === 0) progress({ phase: 'reading', done: i, total: files.length });
    const text = ws.readText(file);
    if (text === undefined) return skipped.push({ file, reason: 'cannot read file' });
    if (text.includes('\u0000')) return skipped.push({ file, reason: 'binary file' });
    const generated = generatedOrMinified(text);
    if (generated) return skipped.push({ file, reason: generated });
    if (options.analyseAll || isCandidate(file, text, knowledge) || isNextMiddlewareFile(file, root)) (candidates.push(file), texts.set(file, text));
    else others.set(file, text);
  });
  addImporters(ws, candidates, others);
  for (const file of candidates) if (!texts.has(file)) texts.set(file, others.get(file)!);
  return { candidates, skipped, texts };
}

export interface CandidateSelection {
  candidates: string[];
  skipped: SkippedFile[];
  /** The text of each candidate as read. */
  texts: Map<string, string>;
}

export const IMPORT_SPEC = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"\n]+)['"]/gm;

/** Files that import a candidate (a client built elsewhere, a helper that calls the model) are candidates too. */
function addImporters(ws: Workspace, candidates: string[], others: Map<string, string>): void {
  const imports = new Map<string, string[]>();
  for (const [file, text] of others) {
    const specs = [...text.matchAll(IMPORT_SPEC)].map((m) => m[1]).filter((s) => s.startsWith('.') || s.startsWith('@/') || s.startsWith('~/') || s.startsWith('#'));
    if (specs.length) imports.set(file, specs);
  }
  const known = new Set(candidates);
  let changed = true;
  while (changed) {
    changed = false;
    for (const [file, specs] of imports) {
      if (known.has(file)) continue;
      if (specs.some((spec) => { const target = ws.resolveImport(spec, file); return target !== undefined && known.has(target); })) {
        known.add(file);
        candidates.push(file);
        changed = true;
      }
    }
  }
}

/**
 * Which top-level statements of a module can matter when analysed with unknown arguments: those that use
 * an SDK export the models know, a binding from another candidate module, or a provider URL — and,
 * transitively, those that use a function or value declared by one of them. The rest cannot reach a prompt,
 * a client or model output on their own (entry points, routes and literal keys are handled elsewhere).
 */
function relevantStatements(interp: Interpreter, sf: ts.SourceFile, candidates: ReadonlySet<string>): ((stmt: ts.Statement) => boolean) | undefined {
  if (/\brequire\s*\(|\bimport\s*\(/.test(sf.text)) return undefined; // bindings we do not list: analyse all
  const names = relevantImportedNames(interp, sf, candidates);
  const hosts = interp.knowledge.sdks.flatMap((m) => m.hosts);
  const mentionsProvider = (text: string) => hosts.some((h) => text.includes(h)) || /\/v1\/(chat\/completions|completions|messages|responses)\b|:11434\/api\//.test(text);
  const statements = sf.statements.filter((st) => !ts.isImportDeclaration(st));
  // Names that can ever make a statement relevant: the imports above and what the statements declare.
  const wanted = new Set(names);
  for (const stmt of statements) for (const n of declaredNames(stmt)) wanted.add(n);
  const texts = new Map<ts.Statement, string>();
  const users = new Map<string, ts.Statement[]>(); // name → statements that use it
  const relevant = new Set<ts.Statement>();
  const pending = [...names];
  const markRelevant = (stmt: ts.Statement): void => {
    if (relevant.has(stmt)) return;
    relevant.add(stmt);
    for (const n of declaredNames(stmt)) if (!names.has(n)) (names.add(n), pending.push(n));
  };
  for (const stmt of statements) {
    const text = stmt.getText(sf);
    texts.set(stmt, text);
    for (const word of usedWords(text)) if (wanted.has(word)) (users.get(word) ?? users.set(word, []).get(word)!).push(stmt);
    if (mentionsProvider(text)) markRelevant(stmt);
  }
  // Transitively: a statement that uses a relevant name is relevant, and so are the names it declares.
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    for (const stmt of usersOf(name, users, texts)) markRelevant(stmt);
  }
  return (stmt) => relevant.has(stmt);
}

/** Names bound by the imports of SDK exports the models know and of other candidate modules. */
function relevantImportedNames(interp: Interpreter, sf: ts.SourceFile, candidates: ReadonlySet<string>): Set<string> {
  const names = new Set<string>();
  for (const stmt of sf.statements) {
    if (!ts.isImportDeclaration(stmt) || !stmt.importClause || stmt.importClause.isTypeOnly) continue;
    const spec = (stmt.moduleSpecifier as ts.StringLiteral).text;
    const target = interp.ws.resolveImport(spec, sf.fileName);
    const sdk = target ? undefined : sdkForModule(interp, spec);
    if (!(target && candidates.has(target)) && !sdk) continue;
    const clause = stmt.importClause;
    if (clause.name) names.add(clause.name.text);
    const nb = clause.namedBindings;
    if (nb && ts.isNamespaceImport(nb)) names.add(nb.name.text);
    if (nb && ts.isNamedImports(nb)) {
      for (const el of nb.elements) {
        if (!sdk || sdk.exports.has((el.propertyName ?? el.name).text)) names.add(el.name.text);
      }
    }
  }
  return names;
}

const WORD = /[\w$]+/g;
const PLAIN_NAME = /^[\w$]+$/;

/** The words of a statement's text that can refer to a binding: runs of [\w$] not preceded by `.` (not members). */
function usedWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const m of text.matchAll(WORD)) if (m.index === 0 || text[m.index - 1] !== '.') words.add(m[0]);
  return words;
}

/**
 * The statements whose text uses `name` outside a member access. For a name of [\w$] characters this is
 * exactly the word index; other identifiers (non-ASCII) fall back to a search with the same boundaries.
 */
function usersOf(name: string, users: Map<string, ts.Statement[]>, texts: Map<ts.Statement, string>): ts.Statement[] {
  if (PLAIN_NAME.test(name)) return users.get(name) ?? [];
  const re = new RegExp(`(?<![\\w$.])${name.replace(/[$]/g, '\\$&')}(?![\\w$])`);
  return [...texts].filter(([, text]) => re.test(text)).map(([stmt]) => stmt);
}

function declaredNames(stmt: ts.Statement): string[] {
  if ((ts.isFunctionDeclaration(stmt) || ts.isClassDeclaration(stmt)) && stmt.name) return [stmt.name.text];
  if (ts.isVariableStatement(stmt)) return stmt.declarationList.declarations.flatMap((d) => boundNames(d.name));
  return [];
}

function analyseRemaining(interp: Interpreter, sf: ts.SourceFile, scope: Scope, relevant?: (stmt: ts.Statement) => boolean): void {
  if (relevant) {
    for (const stmt of sf.statements) if (relevant(stmt)) visitRemaining(interp, stmt, scope);
    return;
  }
  visitRemaining(interp, sf, scope);
}

function visitRemaining(interp: Interpreter, root: ts.Node, scope: Scope): void {
  const visit = (node: ts.Node): void => {
    if (interp.timedOut) return;
    if (ts.isFunctionLike(node) && (node as ts.FunctionLikeDeclaration).body) {
      if (interp.analysed.has(node)) return; // its closures were analysed with it
      const decl = node as ts.SignatureDeclaration;
      const isMethod = ts.isMethodDeclaration(decl) || ts.isConstructorDeclaration(decl) || ts.isGetAccessorDeclaration(decl);
      const thisValue = isMethod && decl.parent && ts.isClassLike(decl.parent) ? { flows: [], props: new Map(), instanceOf: decl.parent, classScope: scope } : undefined;
      if (thisValue && ts.isClassLike(decl.parent)) initialiseFields(interp, decl.parent, thisValue, scope);
      interp.invoke({ decl, scope, thisValue }, [], undefined, scope);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(root);
}

function initialiseFields(interp: Interpreter, cls: ts.ClassLikeDeclaration, instance: { props: Map<string, unknown> }, scope: Scope): void {
  for (const m of cls.members) {
    if (ts.isPropertyDeclaration(m) && m.initializer && !ts.isArrowFunction(m.initializer)) {
      instance.props.set(m.name.getText(), interp.evalExpr(m.initializer, scope));
    }
  }
  const ctor = cls.members.find(ts.isConstructorDeclaration);
  // Parameter properties: constructor(private readonly openai: OpenAI)
  for (const p of ctor?.parameters ?? []) {
    if (ts.canHaveModifiers(p) && ts.getModifiers(p)?.length && ts.isIdentifier(p.name)) instance.props.set(p.name.text, interp.paramDefault(p, scope));
  }
  if (ctor?.body) {
    for (const stmt of ctor.body.statements) {
      if (ts.isExpressionStatement(stmt) && ts.isBinaryExpression(stmt.expression) && stmt.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        const left = stmt.expression.left;
        if (ts.isPropertyAccessExpression(left) && left.expression.kind === ts.SyntaxKind.ThisKeyword) {
          instance.props.set(left.name.text, interp.evalExpr(stmt.expression.right, scope));
        }
      }
    }
  }
}

/** A literal in a known provider key format, anywhere in the file. */
function checkLiteralKeys(interp: Interpreter, sf: ts.SourceFile): void {
  if (!KEY_TEXT_HINT.test(sf.text)) return;
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node)) {
      const known = knownKeyProvider(node.text);
      if (known) interp.reporter.report({ rule: 'hardcoded-llm-key', node, detail: known.provider, fixes: keyFix(node, known.envKey) });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}

/** `process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'` in a module that talks to an LLM. */
function checkTlsEnv(interp: Interpreter, sf: ts.SourceFile): void {
  if (!sf.text.includes('NODE_TLS_REJECT_UNAUTHORIZED')) return;
  const visit = (node: ts.Node): void => {
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && /NODE_TLS_REJECT_UNAUTHORIZED/.test(node.left.getText()) && /^['"`]?0['"`]?$/.test(node.right.getText())) {
      interp.reporter.report({ rule: 'insecure-llm-transport', node, detail: 'NODE_TLS_REJECT_UNAUTHORIZED=0 disables TLS verification' });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}
