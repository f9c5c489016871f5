// Semantics of the language's own operations on values: string concatenation, iteration,
// await, and the global objects (process.env, JSON, Object...).
import type { Interpreter } from './interpreter';
import { EMPTY, deepFlows, fresh, join, stringOf, type StrPart, type Value } from './values';

export function partsOf(v: Value): StrPart[] {
  if (v.parts) return v.parts;
  return [{ value: v }];
}

/** `a + b`, `a += b` */
export function concat(a: Value, b: Value): Value {
  const parts = [...partsOf(a), ...partsOf(b)];
  const merged: StrPart[] = [];
  for (const p of parts) {
    const last = merged[merged.length - 1];
    if (p.lit !== undefined && last?.lit !== undefined) last.lit += p.lit;
    else merged.push(p.lit !== undefined ? { lit: p.lit } : p);
  }
  const out = stringOf(merged, [...deepFlows(a), ...deepFlows(b)]);
  if (a.literals || b.literals) out.literals = [...(a.literals ?? []), ...(b.literals ?? [])];
  if (a.env || b.env) out.env = a.env ?? b.env;
  return out;
}

/** What iterating over a value yields (for-of, array methods, destructuring with unknown shape). */
export function elementOf(v: Value): Value {
  if (v.elements && v.elements.length > 0) return join(...v.elements, v.flows.length ? { flows: v.flows } : undefined);
  if (v.flows.length === 0 && !v.props) return fresh();
  return { flows: deepFlows(v), sdk: v.sdk };
}

export function awaited(v: Value): Value {
  return v;
}

export function joinArgs(args: Value[]): Value {
  const flows = args.flatMap((a) => deepFlows(a));
  return flows.length ? { flows } : fresh();
}

/** Identifiers not bound in any scope: globals. */
export function globalValue(_interp: Interpreter, name: string): Value {
  switch (name) {
    case 'process':
      return { flows: [], props: new Map([['env', { flows: [], special: 'process-env' }]]), module: { spec: 'process', path: [] } };
    case 'JSON':
      return { flows: [], special: 'json' };
    case 'Object':
      return { flows: [], special: 'object-ctor' };
    case 'Promise':
      return { flows: [], special: 'promise' };
    case 'globalThis':
    case 'window':
    case 'document':
    case 'location':
    case 'localStorage':
    case 'sessionStorage':
    case 'console':
    case 'Math':
    case 'Number':
    case 'String':
    case 'Boolean':
    case 'Array':
    case 'Buffer':
    case 'URL':
    case 'URLSearchParams':
    case 'fetch':
    case 'eval':
    case 'Function':
    case 'setTimeout':
    case 'setInterval':
    case 'encodeURIComponent':
    case 'decodeURIComponent':
    case 'parseInt':
    case 'parseFloat':
    case 'isNaN':
    case 'Response':
    case 'Request':
    case 'Headers':
    case 'FormData':
    case 'TextDecoder':
    case 'Date':
    case 'Set':
    case 'Map':
    case 'Error':
    case 'require':
    case 'module':
    case 'exports':
    case 'prompt':
      return { flows: [], module: { spec: '<global>', path: [name] } };
    default:
      return EMPTY;
  }
}
