// Build step (server/build.mjs): every YAML file of rules/ parsed and checked against its schema by the same code
// that loads it at run time, written as rules-vetted.json beside the bundles (see vetted.ts). A file that does
// not pass is left out, so the run time reports its error exactly as it would without the build.
import * as fs from 'fs';
import * as path from 'path';
import { parseYamlWithSchema } from './yaml-file';
import { vettedKey, type VettedFile } from './vetted';

/** Which schema each YAML file of rules/ is loaded with (paths relative to rules/, with `/`). */
const SCHEMA_OF: readonly [RegExp, string][] = [
  [/^sdks\/[^/]+\.ya?ml$/, 'sdk.schema.json'],
  [/^security\.ya?ml$/, 'security.schema.json'],
  [/^threat-model\/evidence\.ya?ml$/, 'threat-model-evidence.schema.json'],
  [/^[a-z][a-z0-9-]*\.ya?ml$/, 'rule.schema.json'],
];

export function schemaFor(relative: string): string | undefined {
  return SCHEMA_OF.find(([pattern]) => pattern.test(relative))?.[1];
}

function yamlFiles(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'docs' || e.name === 'schema' ? [] : yamlFiles(full, base);
    return /\.ya?ml$/.test(e.name) ? [path.relative(base, full).split(path.sep).join('/')] : [];
  }).sort();
}

export interface VetResult {
  vetted: VettedFile;
  /** Files with no schema, or that failed their schema, with the reason (left to the run time to report). */
  problems: string[];
}

export function vetRules(rulesDir: string): VetResult {
  const vetted: VettedFile = { version: 1, entries: {} };
  const problems: string[] = [];
  for (const rel of yamlFiles(rulesDir)) {
    const schema = schemaFor(rel);
    if (!schema) {
      problems.push(`${rel}: no schema`);
      continue;
    }
    const file = path.join(rulesDir, rel);
    const schemaFile = path.join(rulesDir, 'schema', schema);
    const text = fs.readFileSync(file, 'utf8');
    try {
      const data = parseYamlWithSchema<unknown>(file, text, schemaFile);
      vetted.entries[vettedKey(text, fs.readFileSync(schemaFile, 'utf8'))] = JSON.stringify(data);
    } catch (err) {
      problems.push((err as Error).message);
    }
  }
  return { vetted, problems };
}
