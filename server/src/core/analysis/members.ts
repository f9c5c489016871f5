// Reading a property: where sources appear (request data, secrets in env, PII-shaped fields, browser
// state), how SDK clients and modules extend their member paths, and how taint flows to members.
import { ts } from '../ts';
import type { Interpreter } from './interpreter';
import type { Scope } from './scope';
import { isCredentialName, isPiiName, isPublicEnvName, isSecretEnvName } from './keys';
import { shortText } from './reporter';
import { isServerOnlyModule } from './conventions';
import { EMPTY, deepFlows, fresh, source, join, type Flow, type Value } from './values';
import { sdkMember } from './sdk';
import { applySchema } from './schema';

/** Members of a request object that carry client-controlled data. */
const REQUEST_DATA = new Set([
  'body', 'query', 'params', 'headers', 'cookies', 'files', 'file', 'url', 'originalUrl', 'search', 'searchParams',
  'nextUrl', 'rawBody', 'hash', 'pathname', 'path', 'fields', 'payload',
]);
/** Members of a request object that are the request again (koa ctx.request, hono c.req). */
const REQUEST_SELF = new Set(['req', 'request', 'raw']);
/** Methods of a request object that return client-controlled data. */
export const REQUEST_METHODS = new Set(['json', 'text', 'formData', 'arrayBuffer', 'blob', 'param', 'query', 'queries', 'header', 'valid', 'parseBody', 'get', 'getAll']);

function requestSource(node: ts.Node, what: string): Value {
  return { flows: [source('untrusted', node, `${shortText(node, 50)} (HTTP request ${what})`)] };
}

export function memberOf(interp: Interpreter, obj: Value, name: string, node: ts.Node, scope: Scope): Value {
  if (obj === EMPTY && !isPiiName(name)) return EMPTY;
  if (obj.special === 'request') {
    if (REQUEST_DATA.has(name)) return requestSource(node, name === 'body' ? 'body' : name);
    if (REQUEST_SELF.has(name)) return { flows: [], special: 'request' };
    if (name === 'env') return { flows: [], special: 'process-env' }; // hono c.env bindings
    if (REQUEST_METHODS.has(name)) return { flows: [], special: 'request', module: { spec: '<request>', path: [name] } };
    return fresh();
  }
  if (obj.special === 'process-env' || obj.special === 'import-meta-env') return envValue(obj.special === 'import-meta-env', name, node);
  if (obj.sdk) return sdkMember(interp, obj, name, node);
  if (obj.props?.has(name)) {
    const v = obj.props.get(name)!;
    return isPiiName(name) ? withPii(v, node, name) : isCredentialName(name) && (v.flows.length > 0 || !v.parts) ? withSecret(v, node, name) : v;
  }
  // Methods of a class instance, bound to it.
  if (obj.instanceOf) {
    const method = findMember(obj.instanceOf, name);
    if (method) return { flows: [], fns: [{ decl: method, scope: obj.classScope as Scope, thisValue: obj }] };
  }
  if (obj.classDecl) {
    const staticMember = findMember(obj.classDecl, name, true);
    if (staticMember) return { flows: [], fns: [{ decl: staticMember, scope: obj.classScope as Scope, thisValue: obj }] };
  }
  if (obj.httpApp) return { flows: [], httpApp: obj.httpApp, module: { spec: '<http-app>', path: [name] } };
  let out: Value;
  if (obj.module) {
    const path = [...obj.module.path, name];
    const text = path.join('.');
    // Browser state the user controls or typed in.
    if (/^(window\.)?(location\.(search|hash|href)|document\.(cookie|URL|location\.(search|hash|href)))$/.test(text)) {
      return { flows: [source('untrusted', node, `${shortText(node)} (browser URL or cookie)`)] };
    }
    // What the user typed into a form field (an <input>'s value).
    if (obj.module.spec === '<global>' && name === 'value' && path[0] === 'document') return { flows: [], userSupplied: true };
    out = { flows: obj.flows, module: { spec: obj.module.spec, path }, dbClient: obj.dbClient };
  } else if (obj.outputSchema && /^(parsed|output_parsed|object|output|experimental_output|finalOutput)$/.test(name)) {
    // The SDK parsed the model's output with the schema: validated fields are clean.
    return applySchema(obj.outputSchema, { flows: obj.flows }, { interp, node, scope });
  } else if (obj.flows.length > 0 || obj.elements || obj.openProps) {
    out = { flows: reclassifyToolArgs(interp, fieldFlows(obj.flows, name), name, node), outputSchema: obj.outputSchema };
    if (/^\d+$/.test(name) && obj.elements) out = join(obj.elements[Number(name)] ?? fresh(), out);
  } else if (obj.elements && /^\d+$/.test(name)) {
    out = obj.elements[Number(name)] ?? fresh();
  } else if (obj.dbClient) {
    out = { flows: [], dbClient: true };
  } else {
    out = fresh();
  }
  if (obj.userSupplied) out.userSupplied = true;
  if (obj.guardRef) out.guardRef = obj.guardRef;
  if (isPiiName(name)) out = withPii(out, node, name);
  else if (isCredentialName(name)) out = withSecret(out, node, name);
  return out;
}

/** Methods and numeric members of strings and arrays: what they return is still the value's data. */
const VALUE_MEMBERS = new Set([
  'slice', 'substring', 'substr', 'trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'toLocaleLowerCase',
  'toLocaleUpperCase', 'replace', 'replaceAll', 'split', 'concat', 'padStart', 'padEnd', 'normalize', 'at', 'charAt',
  'toString', 'valueOf', 'match', 'matchAll', 'repeat', 'join', 'map', 'filter', 'find', 'flat', 'flatMap', 'reduce',
  'values', 'entries', 'toJSON', 'then',
]);

/**
 * A field of a value that is personal data by its name (`email`, `phone`) is that field's own data: `email.body` or
 * `email.subject` of an e-mail object is not an address. Its other flows (untrusted, model output) stay.
 */
function fieldFlows(flows: Flow[], name: string): Flow[] {
  if (!flows.some((f) => f.kind === 'pii') || /^\d+$/.test(name) || VALUE_MEMBERS.has(name)) return flows;
  return flows.filter((f) => f.kind !== 'pii');
}

function withSecret(v: Value, node: ts.Node, name: string): Value {
  if (v.flows.some((f) => f.kind === 'secret' || f.kind === 'llm-output')) return v;
  return { ...v, flows: [source('secret', node, `${shortText(node, 40)} (credential: ${name})`), ...v.flows] };
}

function withPii(v: Value, node: ts.Node, name: string): Value {
  if (v.flows.some((f) => f.kind === 'pii')) return v;
  const flows: Flow[] = [source('pii', node, `${shortText(node, 40)} (personal data: ${name})`), ...v.flows];
  return { ...v, flows };
}

export function envValue(importMeta: boolean, name: string, node: ts.Node): Value {
  const isPublic = isPublicEnvName(name) || (importMeta && !isServerOnlyModule(node.getSourceFile().fileName));
  const v: Value = { flows: [], env: { name, isPublic, node } };
  if (isSecretEnvName(name)) v.flows = [source('secret', node, `${shortText(node, 50)} (secret from the environment)`)];
  return v;
}

/** Reading tool-call arguments from model output turns model text into model-chosen tool input. */
function reclassifyToolArgs(interp: Interpreter, flows: Flow[], name: string, node: ts.Node): Flow[] {
  if (!flows.some((f) => f.kind === 'llm-output')) return flows;
  if (!toolArgNames(interp).has(name)) return flows;
  return flows.map((f) => (f.kind === 'llm-output' ? { kind: 'tool-args' as const, steps: [...f.steps, { node, label: `${shortText(node, 50)} (tool-call arguments chosen by the model)` }] } : f));
}

// Per knowledge (a workspace's config can add SDK models), not per process.
const toolArgCache = new WeakMap<object, Set<string>>();
function toolArgNames(interp: Interpreter): Set<string> {
  let names = toolArgCache.get(interp.knowledge);
  if (!names) toolArgCache.set(interp.knowledge, (names = new Set(interp.knowledge.sdks.flatMap((s) => s.toolArgs))));
  return names;
}

export function findMember(cls: ts.ClassLikeDeclaration, name: string, wantStatic = false): ts.SignatureDeclaration | undefined {
  for (const m of cls.members) {
    const isStatic = !!ts.getModifiers(m as ts.HasModifiers)?.some((x) => x.kind === ts.SyntaxKind.StaticKeyword);
    if (isStatic !== wantStatic) continue;
    if ((ts.isMethodDeclaration(m) || ts.isGetAccessorDeclaration(m)) && m.name.getText() === name) return m;
    if (ts.isPropertyDeclaration(m) && m.name.getText() === name && m.initializer && (ts.isArrowFunction(m.initializer) || ts.isFunctionExpression(m.initializer))) {
      return m.initializer;
    }
  }
  return undefined;
}

export { deepFlows };
