// Guards: conditions that prove a value safe (allowlists, literal comparisons, confinement), and calls
// that show an entry point authenticates or rate-limits its callers.
import { ts } from '../ts';
import type { Interpreter } from './interpreter';
import type { Scope } from './scope';
import type { CallCtx } from './calls';
import { moduleMatches, type GuardModel } from '../knowledge/models';
import { clear, deepFlows, isClean, type GuardKind, type Value } from './values';
import { memberOf } from './members';

export interface Refinement {
  target: ts.Expression;
  kinds: string[];
}

/** What the condition proves about values when it evaluates to `polarity`. */
export function refinementsOf(interp: Interpreter, cond: ts.Expression, polarity: boolean, scope: Scope): Refinement[] {
  const out = directRefinements(interp, cond, polarity, scope);
  // An allowlisted host (u.hostname) confines the URL it belongs to (u) for network requests and redirects.
  for (const r of [...out]) {
    const t = skipParens(r.target);
    if (ts.isPropertyAccessExpression(t) && /^(hostname|host|origin)$/.test(t.name.text) && r.kinds.includes('all')) {
      out.push({ target: t.expression, kinds: ['network', 'redirect'] });
    }
  }
  return out;
}

function directRefinements(interp: Interpreter, cond: ts.Expression, polarity: boolean, scope: Scope): Refinement[] {
  cond = skipParens(cond);
  if (ts.isPrefixUnaryExpression(cond) && cond.operator === ts.SyntaxKind.ExclamationToken) return refinementsOf(interp, cond.operand, !polarity, scope);
  if (ts.isBinaryExpression(cond)) {
    const op = cond.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken && polarity) return [...refinementsOf(interp, cond.left, true, scope), ...refinementsOf(interp, cond.right, true, scope)];
    if (op === ts.SyntaxKind.AmpersandAmpersandToken && !polarity) {
      // !(a && b): a is false or b is false. A target both sides make safe is safe for the kinds they share:
      // `if (p !== ROOT && !p.startsWith(ROOT + sep)) throw` confines p.
      return intersect(refinementsOf(interp, cond.left, false, scope), refinementsOf(interp, cond.right, false, scope));
    }
    if (op === ts.SyntaxKind.BarBarToken && polarity) {
      return intersect(refinementsOf(interp, cond.left, true, scope), refinementsOf(interp, cond.right, true, scope));
    }
    if (op === ts.SyntaxKind.BarBarToken && !polarity) return [...refinementsOf(interp, cond.left, false, scope), ...refinementsOf(interp, cond.right, false, scope)];
    const isEq = op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken;
    const isNeq = op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken;
    if ((isEq && polarity) || (isNeq && !polarity)) {
      // x === 'literal'  /  typeof x === 'number'
      const [subject, other] = ts.isStringLiteralLike(cond.right) || ts.isNumericLiteral(cond.right) ? [cond.left, cond.right] : [cond.right, cond.left];
      if (ts.isStringLiteralLike(other) || ts.isNumericLiteral(other)) {
        if (ts.isTypeOfExpression(subject)) {
          if (['number', 'boolean', 'bigint'].includes(other.text)) return [{ target: subject.expression, kinds: ['all'] }];
          return [];
        }
        return [{ target: subject, kinds: ['all'] }];
      }
      // x === ROOT where ROOT holds no taint: x is that clean value.
      if (ts.isIdentifier(cond.right) || ts.isPropertyAccessExpression(cond.right)) {
        if (isClean(interp.evalExpr(cond.right, scope)) && !isClean(interp.evalExpr(cond.left, scope))) return [{ target: cond.left, kinds: ['all'] }];
      }
      // arr.indexOf(x) !== -1 is handled below through includes-like calls
    }
    if ((isNeq && polarity) || (isEq && !polarity)) {
      // ALLOWED.indexOf(x) !== -1
      const call = ts.isCallExpression(cond.left) ? cond.left : ts.isCallExpression(cond.right) ? cond.right : undefined;
      if (call && ts.isPropertyAccessExpression(call.expression) && call.expression.name.text === 'indexOf' && call.arguments[0]) {
        return [{ target: call.arguments[0], kinds: ['all'] }];
      }
    }
    if (op === ts.SyntaxKind.InKeyword && polarity) return [{ target: cond.left, kinds: ['all'] }];
    return [];
  }
  if (ts.isCallExpression(cond) && polarity) {
    const callee = cond.expression;
    const arg = cond.arguments[0];
    if (!arg) return [];
    if (ts.isPropertyAccessExpression(callee)) {
      const name = callee.name.text;
      if (name === 'includes' || name === 'has') {
        // ALLOWED.includes(x) with a constant list; not x.includes('...')
        const recv = interp.evalExpr(callee.expression, scope);
        if (deepFlows(recv).length === 0) return [{ target: arg, kinds: ['all'] }];
        return [];
      }
      if (name === 'test' && ts.isRegularExpressionLiteral(callee.expression) && restrictiveRegex(callee.expression.text)) {
        return [{ target: arg, kinds: ['all'] }];
      }
      if (name === 'startsWith' && deepFlows(interp.evalExpr(callee.expression, scope)).length > 0) {
        // path confinement: resolved.startsWith(BASE)
        return [{ target: callee.expression, kinds: ['file-read', 'file-write'] }];
      }
      if (/^(isInteger|isFinite|isSafeInteger|isUUID|isUuid|isEmail|isNumeric|isInt|isAlphanumeric|isAlpha|isIn|isBoolean)$/.test(name)) {
        return [{ target: arg, kinds: ['all'] }];
      }
    } else if (ts.isIdentifier(callee)) {
      if (/^(isUUID|isUuid|isValidUuid|validateUuid|isAllowed\w*|isValid(Model|Persona|Tone|Language|Lang|Role|Mode|Option|Choice)\w*|isSupported\w*|isInteger|isNumeric)$/.test(callee.text)) {
        return [{ target: arg, kinds: ['all'] }];
      }
    }
  }
  if (ts.isCallExpression(cond) && !polarity && ts.isPropertyAccessExpression(cond.expression) && cond.expression.name.text === 'startsWith') {
    // `if (rel.startsWith('..')) refuse` where rel = path.relative(ROOT, abs): rel, and abs, stay inside ROOT.
    const arg = cond.arguments[0];
    if (arg && ts.isStringLiteralLike(arg) && /^\.\.[\\/]?$/.test(arg.text)) {
      const target = cond.expression.expression;
      const out: Refinement[] = [{ target, kinds: ['file-read', 'file-write'] }];
      const origin = ts.isIdentifier(target) ? relativeOrigin(target) : undefined;
      if (origin) out.push({ target: origin, kinds: ['file-read', 'file-write'] });
      return out;
    }
  }
  if (ts.isCallExpression(cond)) return userPredicate(interp, cond, polarity, scope);
  return [];
}

/** For `rel` declared as `path.relative(ROOT, abs)`, the `abs` it was computed from. */
function relativeOrigin(id: ts.Identifier): ts.Expression | undefined {
  for (let n: ts.Node | undefined = id.parent; n; n = n.parent) {
    if (!ts.isBlock(n) && !ts.isSourceFile(n)) continue;
    for (const stmt of n.statements) {
      if (!ts.isVariableStatement(stmt)) continue;
      for (const d of stmt.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.name.text === id.text && d.initializer && ts.isCallExpression(d.initializer)) {
          const callee = d.initializer.expression;
          if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'relative' && d.initializer.arguments[1]) return d.initializer.arguments[1];
        }
      }
    }
  }
  return undefined;
}

/** `isDestination(x)` where the function returns an allowlist check on its parameter: what it proves about x. */
function userPredicate(interp: Interpreter, call: ts.CallExpression, polarity: boolean, scope: Scope, depth = 0): Refinement[] {
  if (depth > 2) return [];
  const fn = interp.evalExpr(call.expression, scope).fns?.[0];
  const decl = fn?.decl as ts.FunctionLikeDeclaration | undefined;
  if (!fn || !decl?.body) return [];
  let returned: ts.Expression | undefined;
  if (!ts.isBlock(decl.body)) returned = decl.body;
  else if (decl.body.statements.length === 1 && ts.isReturnStatement(decl.body.statements[0])) returned = decl.body.statements[0].expression;
  if (!returned) return [];
  const inner = refinementsOf(interp, returned, polarity, fn.scope as Scope);
  const out: Refinement[] = [];
  for (const r of inner) {
    const target = skipParens(r.target);
    const index = decl.parameters.findIndex((p) => ts.isIdentifier(p.name) && ts.isIdentifier(target) && p.name.text === target.text);
    if (index >= 0 && call.arguments[index]) out.push({ target: call.arguments[index], kinds: r.kinds });
  }
  return out;
}

function intersect(a: Refinement[], b: Refinement[]): Refinement[] {
  const out: Refinement[] = [];
  for (const x of a) {
    const y = b.find((r) => skipParens(r.target).getText() === skipParens(x.target).getText());
    if (!y) continue;
    const kinds = x.kinds.includes('all') ? y.kinds : y.kinds.includes('all') ? x.kinds : x.kinds.filter((k) => y.kinds.includes(k));
    if (kinds.length) out.push({ target: x.target, kinds });
  }
  return out;
}

function restrictiveRegex(text: string): boolean {
  const body = text.slice(1, text.lastIndexOf('/'));
  if (!body.startsWith('^') || !body.endsWith('$')) return false;
  return !/\.|\\S|\\W|\\D|\[\^|\\s/.test(body);
}

function skipParens(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
  return e;
}

/** Shadows the refined variable (or property) with a sanitized copy in `scope`. */
export function applyRefinement(interp: Interpreter, r: Refinement, scope: Scope): void {
  const target = skipParens(r.target);
  if (ts.isIdentifier(target)) {
    const current = interp.evalExpr(target, scope);
    if (deepFlows(current).length === 0) return;
    scope.declare(target.text, { value: sanitized(current, r.kinds) });
    return;
  }
  if (ts.isPropertyAccessExpression(target)) {
    const obj = interp.evalExpr(target.expression, scope);
    const current = memberOf(interp, obj, target.name.text, target, scope);
    if (deepFlows(current).length === 0 || Object.isFrozen(obj)) return;
    obj.props ??= new Map();
    obj.props.set(target.name.text, sanitized(current, r.kinds));
  }
}

function sanitized(v: Value, kinds: string[]): Value {
  return { ...v, flows: clear(deepFlows(v), kinds), props: undefined, elements: undefined, parts: v.parts ? [{ value: { flows: clear(deepFlows(v), kinds) } }] : undefined };
}

// ---------------------------------------------------------------- entry-point guards

function calleeText(ctx: CallCtx): { name: string; receiver: string } {
  const e = ctx.node.expression;
  if (ts.isPropertyAccessExpression(e)) {
    const r = e.expression;
    // Only the last name of the receiver matters (ratelimit.limit, passport.authenticate): no text slicing.
    const receiver = ts.isIdentifier(r) ? r.text : ts.isPropertyAccessExpression(r) ? r.name.text : r.kind === ts.SyntaxKind.ThisKeyword ? 'this' : '';
    return { name: e.name.text, receiver };
  }
  if (ts.isIdentifier(e)) return { name: e.text, receiver: '' };
  return { name: '', receiver: '' };
}

function matchesGuard(model: GuardModel, name: string, receiver: string, moduleSpec: string | undefined): boolean {
  const fromModule = moduleSpec !== undefined && moduleMatches(moduleSpec, model.modules);
  if (name === 'limit' || name === 'consume' || name === 'check' || name === 'protect') {
    return fromModule || model.namePattern.test(receiver.split('.').pop() ?? '');
  }
  if (model.functions.includes(name) || model.namePattern.test(name)) return true;
  return fromModule && model.namePattern.test(receiver);
}

/** Does this call authenticate the caller or rate-limit them? */
export function guardKindOfCall(interp: Interpreter, ctx: CallCtx): GuardKind | undefined {
  const { name, receiver } = calleeText(ctx);
  if (!name) return undefined;
  const spec = ctx.callee.module?.spec ?? ctx.receiver?.module?.spec;
  const { auth, rateLimit } = interp.knowledge.guards;
  // Responding 401/403 or 429 shows a check was made.
  if ((name === 'status' || name === 'sendStatus' || name === 'code') && ctx.argNodes[0] && ts.isNumericLiteral(ctx.argNodes[0])) {
    const code = ctx.argNodes[0].text;
    if (code === '401' || code === '403') return 'auth';
    if (code === '429') return 'rate-limit';
  }
  // Throwing or returning an HTTP error: SvelteKit's error(401), Hono's new HTTPException(401), h3's createError.
  if (/^(error|fail|HTTPException|HttpException|HttpError|HTTPError|createError|createHttpError|httpError|abort)$/.test(name) && ctx.argNodes[0] && ts.isNumericLiteral(ctx.argNodes[0])) {
    const code = ctx.argNodes[0].text;
    if (code === '401' || code === '403') return 'auth';
    if (code === '429') return 'rate-limit';
  }
  // Firebase: throw new HttpsError('unauthenticated' | 'permission-denied' | 'resource-exhausted', ...)
  const code = ctx.argNodes[0] && ts.isStringLiteralLike(ctx.argNodes[0]) ? ctx.argNodes[0].text : undefined;
  if (name === 'HttpsError' && (code === 'unauthenticated' || code === 'permission-denied')) return 'auth';
  if (name === 'HttpsError' && code === 'resource-exhausted') return 'rate-limit';
  for (const a of ctx.args) {
    const status = a.props?.get('status')?.parts?.[0]?.lit ?? a.props?.get('statusCode')?.parts?.[0]?.lit;
    if (status === '401' || status === '403') return 'auth';
    if (status === '429') return 'rate-limit';
  }
  if (matchesGuard(rateLimit, name, receiver, spec)) return 'rate-limit';
  if (name === 'initialize' || name === 'session' && receiver === 'passport') return undefined;
  if (matchesGuard(auth, name, receiver, spec)) return 'auth';
  return undefined;
}

/** Is this middleware expression (an identifier or call) a guard by its name or origin? */
export function guardKindOfMiddleware(interp: Interpreter, expr: ts.Expression, value: Value): Set<GuardKind> {
  const out = new Set<GuardKind>(value.guards ?? []);
  if (value.guardRef) out.add(value.guardRef);
  for (const fn of value.fns ?? []) for (const g of fn.guards ?? []) out.add(g);
  const text = ts.isCallExpression(expr) ? expr.expression.getText() : expr.getText();
  const last = text.split('.').pop() ?? text;
  const { auth, rateLimit } = interp.knowledge.guards;
  if (rateLimit.functions.includes(last) || rateLimit.namePattern.test(last)) out.add('rate-limit');
  if ((auth.functions.includes(last) || auth.namePattern.test(last)) && !/initialize|^session$/.test(last)) out.add('auth');
  const spec = value.module?.spec;
  if (spec && moduleMatches(spec, rateLimit.modules)) out.add('rate-limit');
  if (spec && moduleMatches(spec, auth.modules) && !/initialize|session/.test(text)) out.add('auth');
  return out;
}

const APPROVAL_CALL = /^(confirm|confirmAction|askForApproval|requestApproval|requireApproval|getApproval|askUser|askForConfirmation|promptUser|waitForApproval|humanApproval|requestHumanApproval|approve|interrupt)$/i;

/** A human confirmation step: confirm(), inquirer/readline questions, an approval request. */
export function isApprovalCall(ctx: CallCtx): boolean {
  const { name } = calleeText(ctx);
  if (!name) return false;
  if (APPROVAL_CALL.test(name)) return true;
  const spec = ctx.receiver?.module?.spec ?? ctx.callee.module?.spec;
  return name === 'question' && !!spec && /^(node:)?readline(\/promises)?$|^(@inquirer\/prompts|inquirer|prompts|enquirer)$/.test(spec);
}

const GETTERS = /^(getServerSession|getSession|auth|currentUser|getAuth|getUser|getToken|getKindeServerSession|getIronSession|getUserFromRequest|getCurrentUser|getUserSession|validateRequest|getClaims|limit)$/;

/** A guard call that returns a verdict to check (a session, `{ success }`) rather than enforcing by itself. */
export function isGuardGetter(ctx: CallCtx): boolean {
  const { name } = calleeText(ctx);
  return GETTERS.test(name);
}

/** Does the condition test the result of a guard getter (`if (!session) return ...`)? */
export function conditionChecksGuard(interp: Interpreter, cond: ts.Expression, scope: Scope): GuardKind | undefined {
  let found: GuardKind | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node)) {
      const v = interp.evalExpr(node as ts.Expression, scope);
      if (v.guardRef) {
        found = v.guardRef;
        return;
      }
      if (ts.isPropertyAccessExpression(node)) visit(node.expression);
      return;
    }
    if (ts.isCallExpression(node) || ts.isFunctionLike(node)) return;
    ts.forEachChild(node, visit);
  };
  visit(cond);
  return found;
}
