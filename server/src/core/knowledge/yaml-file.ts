// Loads a YAML file and validates it against a JSON Schema, turning every problem into
// `file:line:col: message` — the one error format users see for rules/ and config files.
import * as fs from 'fs';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { vettedData } from './vetted';

export class YamlFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly detail: string,
  ) {
    super(`${file}:${line}:${column}: ${detail}`);
    this.name = 'YamlFileError';
  }
}

/** The schema validator, built on first use: most starts never need one (see vetted.ts). */
let ajv: import('ajv').default | undefined;
const compiled = new Map<string, ValidateFunction>();
const schemaTexts = new Map<string, string>();

function schemaText(schemaFile: string): string {
  let text = schemaTexts.get(schemaFile);
  if (text === undefined) schemaTexts.set(schemaFile, (text = fs.readFileSync(schemaFile, 'utf8')));
  return text;
}

function validatorFor(schemaFile: string): ValidateFunction {
  let validate = compiled.get(schemaFile);
  if (!validate) {
    if (!ajv) {
      // Loaded lazily (a require, not an import, so the bundle does not initialise it at start-up).
      const { default: Ajv } = require('ajv') as typeof import('ajv');
      ajv = new Ajv({ allErrors: false, strict: false });
    }
    validate = ajv.compile(JSON.parse(schemaText(schemaFile)));
    compiled.set(schemaFile, validate);
  }
  return validate;
}

function describe(error: ErrorObject): string {
  const where = error.instancePath || '(top level)';
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown key "${(error.params as { additionalProperty: string }).additionalProperty}" at ${where}`;
    case 'enum':
      return `${where} ${error.message}: ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
    default:
      return `${where} ${error.message ?? 'is invalid'}`;
  }
}

function locate(doc: Document, lines: LineCounter, error: ErrorObject): { line: number; col: number } {
  const segments = error.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'additionalProperties') {
    segments.push((error.params as { additionalProperty: string }).additionalProperty);
  }
  // Walk down as far as the document goes, so a missing key points at its parent.
  for (let depth = segments.length; depth >= 0; depth--) {
    const path = segments.slice(0, depth).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    const node = depth === 0 ? doc.contents : doc.getIn(path, true);
    if (isNode(node) && node.range) {
      // For an unknown key, point at the key rather than its value.
      if (error.keyword === 'additionalProperties' && depth === segments.length) {
        const parent = doc.getIn(path.slice(0, -1), true) as { items?: { key: unknown }[] } | undefined;
        const pair = parent?.items?.find((p) => isNode(p.key) && (p.key as { value?: unknown }).value === path[path.length - 1]);
        if (pair && isNode(pair.key) && pair.key.range) return lines.linePos(pair.key.range[0]);
      }
      return lines.linePos(node.range[0]);
    }
  }
  return { line: 1, col: 1 };
}

/** Parses `text` (from `file`) and validates it against `schemaFile`. Throws YamlFileError. */
export function parseYamlWithSchema<T>(file: string, text: string, schemaFile: string): T {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const pos = lines.linePos(e.pos[0]);
    throw new YamlFileError(file, pos.line, pos.col, `malformed YAML: ${e.message.split('\n')[0]}`);
  }
  const data = doc.toJS({ maxAliasCount: 100 }) as unknown;
  const validate = validatorFor(schemaFile);
  if (!validate(data)) {
    const error = validate.errors![0];
    const pos = locate(doc, lines, error);
    throw new YamlFileError(file, pos.line, pos.col, describe(error));
  }
  return data as T;
}

/** Reads, parses and validates a YAML file; a file the build already checked under the same schema is not parsed again. */
export function loadYamlWithSchema<T>(file: string, schemaFile: string): T {
  const text = fs.readFileSync(file, 'utf8');
  return vettedData<T>(text, schemaText(schemaFile)) ?? parseYamlWithSchema<T>(file, text, schemaFile);
}
