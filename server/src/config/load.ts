// Reads one config file (.promptward.yaml / .promptward.yml / package.json's "promptward" key), validates it
// against rules/schema/config.schema.json and checks what a schema cannot say (glob syntax, a sink that could
// never match). Reading a config only reads data: no module is loaded, no path in it is opened, nothing runs.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { findRulesDir } from '../core/rules';
import { RULE_IDS, type Severity } from '../core/types';
import type { SinkYaml, SourceYaml } from '../core/knowledge/models';
import { GlobError, parseGlob, type Glob } from './glob';
import { parseLocated, type DataPath, type LocatedDocument } from './located';
import { META_RULE_IDS } from './meta-rules';

export type RuleLevel = 'off' | Severity;

/** The config file as written (kebab-case keys, as in rules/security.yaml). */
export interface ConfigFileData {
  $schema?: string;
  rules?: Record<string, RuleLevel>;
  include?: string[];
  exclude?: string[];
  /** The vocabulary of rules/security.yaml (the config schema allows a subset of the sink `arg` values). */
  sources?: SourceYaml[];
  sinks?: SinkYaml[];
  sanitizers?: { for: string[]; function: string[] }[];
  guards?: { auth?: GuardNames; 'rate-limit'?: GuardNames };
}

export interface GuardNames {
  modules?: string[];
  functions?: string[];
}

export interface PromptwardConfig {
  /** The file it was read from; undefined for the built-in defaults. */
  file?: string;
  /** Globs are relative to this folder (the config file's). */
  baseDir: string;
  rules: ReadonlyMap<string, RuleLevel>;
  include: readonly Glob[];
  exclude: readonly Glob[];
  data: ConfigFileData;
}

export function configSchemaFile(): string {
  return path.join(findRulesDir(), 'schema', 'config.schema.json');
}

/** The documented defaults: every rule at its own severity, every supported file, no extra knowledge. */
export function defaultConfig(baseDir: string): PromptwardConfig {
  return { baseDir, rules: new Map(), include: [], exclude: [], data: {} };
}

const KNOWN_RULES: readonly string[] = [...RULE_IDS, ...META_RULE_IDS];

/** Parses config text. `inPackageJson`: the config is the "promptward" key of a package.json. Throws YamlFileError. */
export function parseConfig(file: string, text: string, inPackageJson = false): PromptwardConfig {
  const doc = parseLocated<ConfigFileData>(file, text, configSchemaFile(), {
    at: inPackageJson ? ['promptward'] : undefined,
    what: inPackageJson || file.endsWith('.json') ? 'JSON' : 'YAML',
    unknownKey: (parent, key) =>
      parent.length === 1 && parent[0] === 'rules'
        ? `unknown rule id "${key}" in rules (known: ${KNOWN_RULES.join(', ')})`
        : parent.length === 0
          ? `unknown key "${key}"${inPackageJson ? ' in "promptward"' : ''} (expected one of: rules, include, exclude, sources, sinks, sanitizers, guards)`
          : undefined,
  });
  const data = doc.data;
  checkSources(doc);
  checkSinks(doc);
  return {
    file,
    baseDir: path.dirname(file),
    rules: new Map(Object.entries(data.rules ?? {})),
    include: globs(doc, 'include'),
    exclude: globs(doc, 'exclude'),
    data,
  };
}

export function loadConfigFile(file: string, inPackageJson = false): PromptwardConfig {
  return parseConfig(file, readFileSync(file, 'utf8'), inPackageJson);
}

function globs(doc: LocatedDocument<ConfigFileData>, key: 'include' | 'exclude'): Glob[] {
  return (doc.data[key] ?? []).map((pattern, i) => {
    try {
      return parseGlob(pattern);
    } catch (err) {
      if (err instanceof GlobError) doc.fail([key, i], `bad glob ${JSON.stringify(pattern)} in ${key}: ${err.message}`, err.index);
      throw err;
    }
  });
}

/** A source matches a function of a module (module + function) or a method (method, optionally on receivers). */
function checkSources(doc: LocatedDocument<ConfigFileData>): void {
  (doc.data.sources ?? []).forEach((s, i) => {
    const at: DataPath = ['sources', i];
    if (s.function && !s.module) doc.fail(at, `sources[${i}] names a function but no module: add module (the package it is imported from)`);
    if (!s.function && !s.method) doc.fail(at, `sources[${i}] matches nothing: give module and function, or method`);
  });
}

/** A sink matches a global, a function of a module, a method, an assigned property or a JSX attribute. */
function checkSinks(doc: LocatedDocument<ConfigFileData>): void {
  (doc.data.sinks ?? []).forEach((s, i) => {
    const at: DataPath = ['sinks', i];
    if (s.function && !s.module) doc.fail(at, `sinks[${i}] names a function but no module: add module (the package it is imported from)`);
    if (!s.global && !s.function && !s.method && !s.property && !s['jsx-attribute']) {
      doc.fail(at, `sinks[${i}] matches nothing: give global, module and function, method, property or jsx-attribute`);
    }
  });
}
