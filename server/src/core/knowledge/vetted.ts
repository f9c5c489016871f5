// The YAML files of rules/, parsed and checked against their schemas when the bundles are built
// (server/build.mjs writes rules-vetted.json beside them). At run time a file whose text and schema are exactly
// those the build saw (same SHA-256 of both) is served from there, skipping the YAML parser and the schema
// compiler: about 100 ms of every start of the CLI and the language server. Anything else — an edited rules/
// file, a workspace config, the tests running from out/ — goes through the full parse and validation.
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

export const VETTED_FILE_NAME = 'rules-vetted.json';

export interface VettedFile {
  version: 1;
  /** Key: vettedKey(text, schemaText). Value: the data as JSON text (parsed afresh for each caller). */
  entries: Record<string, string>;
}

export function vettedKey(text: string, schemaText: string): string {
  return `${createHash('sha256').update(text).digest('hex')}:${createHash('sha256').update(schemaText).digest('hex')}`;
}

let entries: Map<string, string> | null | undefined;

function load(): Map<string, string> | null {
  if (entries !== undefined) return entries;
  try {
    const file = JSON.parse(fs.readFileSync(path.join(__dirname, VETTED_FILE_NAME), 'utf8')) as VettedFile;
    entries = file.version === 1 ? new Map(Object.entries(file.entries)) : null;
  } catch {
    entries = null; // not built (tests run from out/), or unreadable: parse and validate as usual
  }
  return entries;
}

/** The build-time checked data of a YAML text under a schema text, if the build saw exactly these. */
export function vettedData<T>(text: string, schemaText: string): T | undefined {
  const json = load()?.get(vettedKey(text, schemaText));
  return json === undefined ? undefined : (JSON.parse(json) as T);
}
