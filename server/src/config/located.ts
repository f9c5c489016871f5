// A YAML or JSON document validated against a JSON Schema, whose every problem is reported as
// `file:line:col: message` (YamlFileError, the error rules/ uses too). Unlike the rules/ loader it can validate
// a part of a document (the "promptward" key of package.json) and locate later, semantic mistakes (a bad glob)
// at the exact node. Documents are plain data: YAML tags are refused, aliases are bounded.
import { readFileSync } from 'node:fs';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { isNode, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { YamlFileError } from '../core/knowledge/yaml-file';

export { YamlFileError };

export type DataPath = readonly (string | number)[];

export interface LocatedDocument<T> {
  file: string;
  data: T;
  /** Throws a YamlFileError at the node for `path` (or its nearest existing ancestor); `index` moves into a string. */
  fail(path: DataPath, message: string, index?: number): never;
  /** The same, pointing at the key of the last segment of `path`. */
  failAtKey(path: DataPath, message: string): never;
}

const ajv = new Ajv({ allErrors: false, strict: false, verbose: true });
const validators = new Map<string, ValidateFunction>();

function validatorFor(schemaFile: string): ValidateFunction {
  let validate = validators.get(schemaFile);
  if (!validate) {
    validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
    validators.set(schemaFile, validate);
  }
  return validate;
}

/** `/sinks/0/arg` → `sinks[0].arg`, as a person reads it. */
export function showPath(path: DataPath): string {
  let out = '';
  for (const segment of path) out += typeof segment === 'number' ? `[${segment}]` : out === '' ? segment : `.${segment}`;
  return out === '' ? 'the top level' : out;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value)}`;
  return `${typeof value} ${String(value)}`;
}

const TYPE_WORDS: Record<string, string> = {
  object: 'a mapping (key: value)',
  array: 'a list',
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
};

/** The value at `path` inside `data`. */
function valueAt(data: unknown, path: DataPath): unknown {
  let value = data;
  for (const segment of path) value = (value as Record<string | number, unknown> | undefined)?.[segment];
  return value;
}

export interface SchemaMessages {
  /** A custom message for an unknown key under `parent` (e.g. "unknown rule id"). */
  unknownKey?: (parent: DataPath, key: string) => string | undefined;
}

function describe(error: ErrorObject, path: DataPath, data: unknown, base: DataPath, messages: SchemaMessages): { path: DataPath; message: string; key?: boolean } {
  const where = showPath([...base, ...path]);
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = (error.params as { additionalProperty: string }).additionalProperty;
      const custom = messages.unknownKey?.(path, key);
      return { path: [...path, key], key: true, message: custom ?? `unknown key "${key}" in ${where}` };
    }
    case 'enum':
      return { path, message: `${where} must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}; got ${typeName(valueAt(data, path))}` };
    case 'type': {
      const expected = String((error.params as { type: string }).type).split(',').map((t) => TYPE_WORDS[t] ?? t).join(' or ');
      return { path, message: `${where} must be ${expected}; got ${typeName(valueAt(data, path))}` };
    }
    case 'required':
      return { path, message: `${where} needs the key "${(error.params as { missingProperty: string }).missingProperty}"` };
    case 'minLength':
      return { path, message: `${where} cannot be empty` };
    case 'minItems':
      return { path, message: `${where} needs at least ${(error.params as { limit: number }).limit} item(s)` };
    case 'oneOf':
    case 'anyOf': {
      const hint = (error.parentSchema as { description?: string } | undefined)?.description;
      return { path, message: `${where} has an invalid value ${typeName(valueAt(data, path))}${hint ? ` (${hint})` : ''}` };
    }
    default:
      return { path, message: `${where} ${error.message ?? 'is invalid'}` };
  }
}

function instancePath(error: ErrorObject): (string | number)[] {
  return error.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/**
 * Position of the node at `path`, or of its nearest ancestor that exists. `key` points at the key of the last
 * segment rather than its value; `index` moves that many characters into a string written on one line.
 */
function positionOf(doc: Document, text: string, lines: LineCounter, path: DataPath, where: { key?: boolean; index?: number }): { line: number; col: number } {
  if (where.key && path.length > 0) {
    const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
    const items = (parent as { items?: { key: unknown }[] } | null)?.items;
    const pair = items?.find((p) => isScalar(p.key) && p.key.value === path[path.length - 1]);
    if (pair && isNode(pair.key) && pair.key.range) return lines.linePos(pair.key.range[0]);
  }
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (!isNode(node) || !node.range) continue;
    let offset = node.range[0];
    if (depth === path.length && where.index !== undefined && isScalar(node) && typeof node.value === 'string') {
      const raw = text.slice(node.range[0], node.range[1]);
      if (raw === node.value) offset += where.index;
      else if (raw.length === node.value.length + 2 && raw.slice(1, -1) === node.value) offset += 1 + where.index;
    }
    return lines.linePos(offset);
  }
  return { line: 1, col: 1 };
}

export interface ParseOptions extends SchemaMessages {
  /** Validate only the value under this key path (e.g. ["promptward"] in package.json). */
  at?: DataPath;
  /** What the document is, for "malformed …" messages. */
  what?: 'YAML' | 'JSON';
}

/** Parses YAML (or JSON, a subset) and validates it. An empty document is an empty mapping. */
export function parseLocated<T>(file: string, text: string, schemaFile: string, options: ParseOptions = {}): LocatedDocument<T> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const base = options.at ?? [];
  const failAt = (path: DataPath, message: string, where: { key?: boolean; index?: number }): never => {
    const pos = positionOf(doc, text, lines, [...base, ...path], where);
    throw new YamlFileError(file, pos.line, pos.col, message);
  };
  const fail = (path: DataPath, message: string, index?: number): never => failAt(path, message, { index });
  const failAtKey = (path: DataPath, message: string): never => failAt(path, message, { key: true });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) {
    const pos = lines.linePos(problem.pos[0]);
    const detail = problem.message.split('\n')[0]!;
    const message = doc.errors.length === 0 && /tag/i.test(detail)
      ? `YAML tags are not supported: a config file holds plain data (${detail})`
      : `malformed ${options.what ?? 'YAML'}: ${detail}`;
    throw new YamlFileError(file, pos.line, pos.col, message);
  }
  let whole: unknown;
  try {
    whole = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    // Too many alias expansions (a "billion laughs" document).
    throw new YamlFileError(file, 1, 1, `malformed ${options.what ?? 'YAML'}: ${(err as Error).message}`);
  }
  const data = (base.length > 0 ? valueAt(whole, base) : whole) ?? {};
  const validate = validatorFor(schemaFile);
  if (!validate(data)) {
    const errors = validate.errors!;
    // A failed oneOf lists its branches' errors first; the oneOf itself says more.
    const error = errors.find((e) => (e.keyword === 'oneOf' || e.keyword === 'anyOf') && errors[0]!.instancePath.startsWith(e.instancePath)) ?? errors[0]!;
    const { path, message, key } = describe(error, instancePath(error), data, base, options);
    failAt(path, message, { key });
  }
  return { file, data: data as T, fail, failAtKey };
}
