// Validates a SARIF log against the official SARIF 2.1.0 JSON schema (the copy shipped in @microsoft/jest-sarif).
// The schema is draft-04 (`id`, not `$id`), so it is compiled by ajv-draft-04, with ajv-formats checking its
// `date-time`, `uri` and `uri-reference` formats: the schema is used as published, nothing switched off.
// Its `language` pattern (`^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`) has a literal `]` that is legal in an
// ECMA-262 regular expression but not with the `u` flag Ajv adds by default, hence `unicodeRegExp: false`.
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';

export const SARIF_SCHEMA_FILE = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

let validator: ValidateFunction | undefined;

function compile(): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA_FILE, 'utf8')) as object);
}

function describe(error: ErrorObject): string {
  return `${error.instancePath || '/'} ${error.message ?? error.keyword} ${JSON.stringify(error.params)}`;
}

/** The schema violations of `log`, one line each; empty when it is valid SARIF 2.1.0. */
export function sarifSchemaErrors(log: unknown): string[] {
  validator ??= compile();
  return validator(log) ? [] : (validator.errors ?? []).map(describe);
}
