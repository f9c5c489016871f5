// The abstract values the interpreter computes for expressions: taint flows with their paths, plus
// just enough structure (object props, array elements, string parts, functions, SDK bindings) for the
// rules to reason about prompts, clients and sinks.
import { ts } from '../ts';
import type { SdkModel } from '../knowledge/models';

export type TaintKind = 'untrusted' | 'retrieved' | 'secret' | 'pii' | 'llm-output' | 'tool-args';

export interface Step {
  node: ts.Node;
  label: string;
}

export interface Flow {
  kind: TaintKind;
  /** steps[0] is the source. */
  steps: readonly Step[];
  /** Sink kinds (or 'prompt') this flow has been sanitized for. */
  cleared?: ReadonlySet<string>;
}

export interface FnRef {
  decl: ts.SignatureDeclaration;
  scope: unknown; // the closure scope (an interpreter Scope)
  thisValue?: Value;
  /** A wrapper (withAuth(handler)) adds guards to the function it returns. */
  guards?: ReadonlySet<GuardKind>;
}

export type GuardKind = 'auth' | 'rate-limit';

/** A value bound to an SDK: a module export, a client (with a member path), a provider. */
export interface SdkRef {
  model: SdkModel;
  module: string;
  kind: 'namespace' | 'export' | 'client' | 'provider';
  exportName?: string;
  path: string[];
  client?: ClientInfo;
}

export interface ClientInfo {
  node: ts.Node;
  capped: boolean;
  /** Built by an agent constructor: running it sends prompts. */
  agent?: boolean;
  /** Model ids given where the client or chat was built. */
  modelIds?: string[];
}

export type Special =
  | 'request' // an HTTP request object (express req, koa ctx, hono c, fetch Request)
  | 'process-env'
  | 'import-meta-env'
  | 'http-app'
  | 'fetch-response'
  | 'json'
  | 'object-ctor'
  | 'promise';

export interface StrPart {
  lit?: string;
  value?: Value;
}

export interface TemplateVar {
  name: string;
  role: 'instructions' | 'user' | 'mixed-instructions';
}

export interface PromptTemplateInfo {
  vars: TemplateVar[];
}

export interface Value {
  flows: Flow[];
  props?: Map<string, Value>;
  /** The node of each property in the object literal that built this value (prompt slots are reported there). */
  propNodes?: Map<string, ts.Node>;
  /** True when the object may hold properties we cannot see (a spread of an unknown value). */
  openProps?: boolean;
  elements?: Value[];
  /** String structure for templates and concatenations; undefined when unknown. */
  parts?: StrPart[];
  /** String literal nodes this value may be (for keys, URLs, roles, model ids). */
  literals?: ts.StringLiteralLike[];
  fns?: FnRef[];
  sdk?: SdkRef;
  special?: Special;
  /** A value from an npm module that is not an SDK: module specifier and member path. */
  module?: { spec: string; path: string[] };
  env?: { name: string; isPublic: boolean; node: ts.Node };
  template?: PromptTemplateInfo;
  chain?: { template?: PromptTemplateInfo; llm: boolean; modelIds?: string[] };
  message?: { role: 'system' | 'user' | 'assistant' };
  schema?: SchemaShape;
  guards?: Set<GuardKind>;
  /** The key was typed in by the user at run time (bring your own key). */
  userSupplied?: boolean;
  /** Constructed with TLS verification disabled: the node of the offending option. */
  insecureTls?: ts.Node;
  /** A class (for `new`) or an instance of one. */
  classDecl?: ts.ClassLikeDeclaration;
  classScope?: unknown;
  instanceOf?: ts.ClassLikeDeclaration;
  httpApp?: HttpApp;
  dbClient?: boolean;
  /** A model wrapped with default settings that cap its output (AI SDK defaultSettingsMiddleware). */
  cappedModel?: boolean;
  guardRef?: GuardKind;
  /** A provider HTTP request (raw fetch to an LLM API): its model. */
  providerCall?: SdkModel;
  /** A React state setter: the useState call whose state it sets. */
  stateOf?: ts.Node;
  /** Model output whose parsed form is validated by this schema (`output_parsed`, `.parsed`, `.object`). */
  outputSchema?: SchemaShape;
  /** An HTTP client instance (axios.create(config)): its configuration. */
  httpConfig?: Value;
  /** A model reference (openai('gpt-4o')): its id. */
  modelId?: string;
}

export type SchemaShape =
  | { kind: 'safe' } // enum, literal, number, boolean, uuid, date
  | { kind: 'string' }
  | { kind: 'object'; fields: Map<string, SchemaShape> }
  | { kind: 'array'; element: SchemaShape }
  | { kind: 'unknown' };

export interface HttpUse {
  order: number;
  prefix?: string;
  guards: Set<GuardKind>;
  mounted?: HttpApp;
}

export interface HttpRoute {
  order: number;
  node: ts.Node;
  method: string;
  path?: string;
  guards: Set<GuardKind>;
  reachesLlm: boolean;
  handlerGuards: Set<GuardKind>;
  /** Guards the route opts out of (hapi `options: { auth: false }` under `server.auth.default(...)`). */
  optOut?: Set<GuardKind>;
}

export interface HttpApp {
  id: number;
  framework: string;
  uses: HttpUse[];
  routes: HttpRoute[];
  mounts: { parent: HttpApp; order: number; prefix?: string }[];
}

export const EMPTY: Value = Object.freeze({ flows: [] }) as Value;

export function fresh(): Value {
  return { flows: [] };
}

export function taintedBy(flows: Flow[]): Value {
  return { flows };
}

export function literalValue(node: ts.StringLiteralLike): Value {
  return { flows: [], parts: [{ lit: node.text }], literals: [node] };
}

export function constString(text: string): Value {
  return { flows: [], parts: [{ lit: text }] };
}

const MAX_FLOWS = 8;
const MAX_STEPS = 16;

function addFlows(into: Flow[], more: readonly Flow[]): void {
  for (const f of more) {
    if (into.length >= MAX_FLOWS) return;
    if (into.some((g) => g.kind === f.kind && g.steps[0]?.node === f.steps[0]?.node && sameCleared(g, f))) continue;
    into.push(f);
  }
}

function sameCleared(a: Flow, b: Flow): boolean {
  const x = a.cleared ?? new Set<string>();
  const y = b.cleared ?? new Set<string>();
  if (x.size !== y.size) return false;
  for (const k of x) if (!y.has(k)) return false;
  return true;
}

/** Flows of a value including those held in its properties and elements (bounded depth). */
export function deepFlows(v: Value | undefined, depth = 0, seen?: Set<Value>): Flow[] {
  if (!v) return [];
  if (!v.props && !v.elements && !v.parts) return v.flows; // the common case: no structure to look into
  seen ??= new Set<Value>();
  if (seen.has(v)) return [];
  seen.add(v);
  const out: Flow[] = [];
  addFlows(out, v.flows);
  if (depth < 4) {
    if (v.props) for (const p of v.props.values()) addFlows(out, deepFlows(p, depth + 1, seen));
    if (v.elements) for (const e of v.elements) addFlows(out, deepFlows(e, depth + 1, seen));
    if (v.parts) for (const p of v.parts) if (p.value) addFlows(out, deepFlows(p.value, depth + 1, seen));
  }
  return out;
}

/** True when a value holds no taint anywhere (cheaper than deepFlows(v).length === 0). */
export function isClean(v: Value | undefined, depth = 0): boolean {
  if (!v) return true;
  if (v.flows.length > 0) return false;
  if (depth >= 4) return true;
  if (v.props) for (const p of v.props.values()) if (!isClean(p, depth + 1)) return false;
  if (v.elements) for (const e of v.elements) if (!isClean(e, depth + 1)) return false;
  if (v.parts) for (const p of v.parts) if (p.value && !isClean(p.value, depth + 1)) return false;
  return true;
}

/** Nothing known about the value at all. */
function isBlank(v: Value): boolean {
  for (const k in v) if (k !== 'flows') return false;
  return v.flows.length === 0;
}

/** Union of values, as at a join point or for `a || b`. Structure is kept where both sides agree. */
export function join(...values: (Value | undefined)[]): Value {
  const present = values.filter((v): v is Value => v !== undefined && !isBlank(v));
  if (present.length === 0) return values.find((v) => v !== undefined) ?? fresh();
  if (present.length === 1) return present[0];
  const out: Value = { flows: [] };
  for (const v of present) {
    addFlows(out.flows, v.flows);
    if (v.props) {
      out.props ??= new Map();
      for (const [k, p] of v.props) out.props.set(k, out.props.has(k) ? join(out.props.get(k), p) : p);
      out.propNodes ??= new Map();
      if (v.propNodes) for (const [k, n] of v.propNodes) if (!out.propNodes.has(k)) out.propNodes.set(k, n);
    }
    if (v.openProps) out.openProps = true;
    if (v.elements) out.elements = [...(out.elements ?? []), ...v.elements].slice(0, 32);
    if (v.parts && !out.parts && present.every((x) => x.parts)) out.parts = v.parts;
    if (v.literals) out.literals = [...(out.literals ?? []), ...v.literals].slice(0, 8);
    if (v.fns) out.fns = [...(out.fns ?? []), ...v.fns].slice(0, 8);
    out.sdk ??= v.sdk;
    out.special ??= v.special;
    out.module ??= v.module;
    out.env ??= v.env;
    out.template ??= v.template;
    out.chain ??= v.chain;
    out.message ??= v.message;
    out.schema ??= v.schema;
    out.classDecl ??= v.classDecl;
    out.classScope ??= v.classScope;
    out.instanceOf ??= v.instanceOf;
    out.httpApp ??= v.httpApp;
    out.insecureTls ??= v.insecureTls;
    out.providerCall ??= v.providerCall;
    out.guardRef ??= v.guardRef;
    if (v.dbClient) out.dbClient = true;
    if (v.userSupplied) out.userSupplied = true;
    if (v.guards) out.guards = new Set([...(out.guards ?? []), ...v.guards]);
  }
  return out;
}

/** The value as a whole string: its flows, with the string structure given. */
export function stringOf(parts: StrPart[], flows: Flow[]): Value {
  const out: Value = { flows: [], parts: parts.slice(0, 64) };
  addFlows(out.flows, flows);
  return out;
}

/** Adds a step to every flow (bounded), e.g. "passed to buildPrompt()". */
export function withStep(v: Value, node: ts.Node, label: string): Value {
  if (v.flows.length === 0) return v;
  return {
    ...v,
    flows: v.flows.map((f) =>
      f.steps.length >= MAX_STEPS || f.steps[f.steps.length - 1]?.node === node ? f : { ...f, steps: [...f.steps, { node, label }] },
    ),
  };
}

export function flowsWithStep(flows: readonly Flow[], node: ts.Node, label: string): Flow[] {
  return flows.map((f) =>
    f.steps.length >= MAX_STEPS || f.steps[f.steps.length - 1]?.node === node ? f : { ...f, steps: [...f.steps, { node, label }] },
  );
}

export function source(kind: TaintKind, node: ts.Node, label: string): Flow {
  return { kind, steps: [{ node, label }] };
}

/** Marks flows as sanitized for the given sink kinds ('all' drops them). */
export function clear(flows: readonly Flow[], kinds: readonly string[]): Flow[] {
  if (kinds.includes('all')) return [];
  return flows.map((f) => ({ ...f, cleared: new Set([...(f.cleared ?? []), ...kinds]) }));
}

export function dropKinds(flows: readonly Flow[], kinds: readonly TaintKind[]): Flow[] {
  return flows.filter((f) => !kinds.includes(f.kind));
}

export function activeFlows(flows: readonly Flow[], sinkKind: string, kinds: readonly TaintKind[]): Flow[] {
  return flows.filter((f) => kinds.includes(f.kind) && !f.cleared?.has(sinkKind));
}

export function constantText(v: Value | undefined): string | undefined {
  if (!v || !v.parts || v.flows.length > 0) return undefined;
  let s = '';
  for (const p of v.parts) {
    if (p.lit === undefined) return undefined;
    s += p.lit;
  }
  return s;
}

/** Text of the known literal prefix of a string value (for fixed URL hosts). */
export function literalPrefix(v: Value | undefined): string {
  if (!v?.parts) return '';
  let s = '';
  for (const p of v.parts) {
    if (p.lit === undefined) break;
    s += p.lit;
  }
  return s;
}
