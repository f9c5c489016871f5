// Validation schemas (zod): which fields a schema constrains to safe values (enums, literals, numbers,
// booleans, uuids, dates), so that parsing untrusted data or model output through it cleans those fields.
import type { ts } from '../ts';
import type { CallCtx } from './calls';
import { deepFlows, fresh, type SchemaShape, type Value } from './values';
import { memberOf } from './members';

const SAFE_CONSTRUCTORS = new Set(['enum', 'nativeEnum', 'literal', 'number', 'boolean', 'bigint', 'date', 'uuid', 'cuid', 'cuid2', 'ulid', 'nanoid', 'int', 'ipv4', 'ipv6', 'iso', 'null', 'undefined', 'nan']);
const SAFE_REFINEMENTS = new Set(['uuid', 'cuid', 'cuid2', 'ulid', 'datetime', 'date', 'time', 'ip', 'ipv4', 'ipv6', 'int', 'positive', 'nonnegative']);
const KEEP_REFINEMENTS = new Set(['min', 'max', 'length', 'optional', 'nullable', 'nullish', 'default', 'describe', 'trim', 'toLowerCase', 'toUpperCase', 'catch', 'readonly', 'brand', 'nonempty', 'strict', 'passthrough', 'strip', 'meta', 'finite', 'gt', 'gte', 'lt', 'lte', 'multipleOf', 'startsWith', 'endsWith', 'includes', 'email', 'url']);
const PARSE_METHODS = new Set(['parse', 'parseAsync']);
const SAFE_PARSE_METHODS = new Set(['safeParse', 'safeParseAsync', 'spa']);

export function isSchemaModule(spec: string | undefined): boolean {
  return spec === 'zod' || spec === 'zod/v4' || spec === 'zod/v3' || spec === 'zod/mini';
}

/** Turns an object literal of schemas (MCP/AI SDK raw shapes) or a schema value into a shape. */
export function shapeOf(v: Value | undefined): SchemaShape | undefined {
  if (!v) return undefined;
  if (v.schema) return v.schema;
  if (v.props && [...v.props.values()].some((p) => p.schema)) {
    return { kind: 'object', fields: new Map([...v.props].map(([k, p]) => [k, p.schema ?? { kind: 'unknown' }])) };
  }
  return undefined;
}

/** A call that builds or uses a schema, or undefined when it is not one. */
export function schemaCall(ctx: CallCtx): Value | undefined {
  const { callee, receiver, method, args } = ctx;
  if (receiver?.schema && method) {
    if (PARSE_METHODS.has(method)) return applySchema(receiver.schema, args[0] ?? fresh(), ctx);
    if (SAFE_PARSE_METHODS.has(method)) {
      return { flows: [], props: new Map([['data', applySchema(receiver.schema, args[0] ?? fresh(), ctx)], ['success', fresh()]]) };
    }
    if (SAFE_REFINEMENTS.has(method)) return { flows: [], schema: { kind: 'safe' } };
    if (method === 'regex' && /^\/\^[^.]*\$\/[a-z]*$/.test(ctx.argNodes[0]?.getText() ?? '') && !/\\S|\\W|\[\^/.test(ctx.argNodes[0]?.getText() ?? '')) return { flows: [], schema: { kind: 'safe' } };
    if (method === 'array') return { flows: [], schema: { kind: 'array', element: receiver.schema } };
    if (method === 'or' || method === 'and' || method === 'transform' || method === 'refine' || method === 'superRefine' || method === 'pipe') {
      return { flows: [], schema: method === 'refine' || method === 'superRefine' ? receiver.schema : { kind: 'unknown' } };
    }
    if (KEEP_REFINEMENTS.has(method) || method === 'extend' || method === 'pick' || method === 'omit' || method === 'partial' || method === 'required') {
      if ((method === 'extend') && receiver.schema.kind === 'object') {
        const more = shapeOf(args[0]);
        if (more?.kind === 'object') return { flows: [], schema: { kind: 'object', fields: new Map([...receiver.schema.fields, ...more.fields]) } };
      }
      return { flows: [], schema: receiver.schema };
    }
    return { flows: [], schema: { kind: 'unknown' } };
  }
  const mod = callee.module;
  if (!mod || !isSchemaModule(mod.spec)) return undefined;
  const name = mod.path.filter((p) => p !== 'z' && p !== 'default' && p !== 'coerce')[0] ?? '';
  if (mod.path.includes('coerce') && /^(number|boolean|bigint|date)$/.test(name)) return { flows: [], schema: { kind: 'safe' } };
  if (SAFE_CONSTRUCTORS.has(name)) return { flows: [], schema: { kind: 'safe' } };
  if (name === 'string' || name === 'email' || name === 'url' || name === 'any' || name === 'unknown') return { flows: [], schema: { kind: name === 'string' || name === 'email' || name === 'url' ? 'string' : 'unknown' } };
  if (name === 'object' || name === 'strictObject' || name === 'looseObject') return { flows: [], schema: shapeOf(args[0]) ?? { kind: 'unknown' } };
  if (name === 'array') return { flows: [], schema: { kind: 'array', element: shapeOf(args[0]) ?? { kind: 'unknown' } } };
  if (name === 'union' || name === 'discriminatedUnion') {
    const options = (args[name === 'union' ? 0 : 1]?.elements ?? []).map((e) => e.schema);
    if (options.length && options.every((o) => o?.kind === 'safe')) return { flows: [], schema: { kind: 'safe' } };
    return { flows: [], schema: { kind: 'unknown' } };
  }
  return { flows: [], schema: { kind: 'unknown' } };
}

export function applySchema(shape: SchemaShape, value: Value, ctx: { interp: CallCtx['interp']; node: ts.Node; scope: CallCtx['scope'] }): Value {
  switch (shape.kind) {
    case 'safe':
      return fresh();
    case 'object': {
      const props = new Map<string, Value>();
      for (const [name, field] of shape.fields) props.set(name, applySchema(field, memberOf(ctx.interp, value, name, ctx.node, ctx.scope), ctx));
      return { flows: [], props, propNodes: value.propNodes };
    }
    case 'array':
      return { flows: [], elements: [applySchema(shape.element, { flows: deepFlows(value) }, ctx)] };
    default:
      return value;
  }
}
