// SDK models and security knowledge (sinks, sanitizers, guards), loaded from rules/ and validated at load.
import * as fs from 'fs';
import * as path from 'path';
import { loadYamlWithSchema } from './yaml-file';
import { findRulesDir } from '../rules';

export type SlotKind = 'instructions' | 'user' | 'mixed' | 'messages' | 'auto' | 'tool-description' | 'template-vars' | 'model';
export type ExportKind = 'client-class' | 'client-instance' | 'client-factory' | 'function' | 'class' | 'provider';
export type CallKind = 'prompt' | 'embedding' | 'template' | 'message' | 'tool' | 'agent' | 'client' | 'chain' | 'other';

export interface MaxTokenOption {
  path: string;
  from?: number;
  below?: number;
}

export interface CallModel {
  on: 'client' | 'export';
  exports: string[];
  paths: string[];
  isNew: boolean;
  kind: CallKind;
  role?: 'system' | 'user' | 'assistant';
  slots: [string, SlotKind][];
  maxTokens: MaxTokenOption[];
  insertMaxTokens?: string;
  execute?: string;
  /** The property of the execute function's first argument that holds the model's arguments (Mastra: context). */
  executeInput?: string;
  approval: string[];
  output: 'text' | 'object' | 'none';
  schema?: string;
}

export interface SdkModel {
  id: string;
  name: string;
  modules: string[];
  envKey?: string;
  hosts: string[];
  exports: Map<string, ExportKind>;
  clientOptions: {
    apiKey: string[];
    baseUrl: string[];
    browser: string[];
    httpAgent: string[];
    maxTokens: MaxTokenOption[];
  };
  toolArgs: string[];
  calls: CallModel[];
  http?: { slots: [string, SlotKind][]; maxTokens: string[] };
  file: string;
}

export type SinkKind = 'code' | 'shell' | 'file-write' | 'file-read' | 'network' | 'html' | 'redirect' | 'sql';

export interface SinkModel {
  kind: SinkKind;
  global?: string[];
  module?: string[];
  function?: string[];
  method?: string[];
  property?: string[];
  receiver?: string[];
  receiverNames?: string[];
  jsxAttribute?: string[];
  arg?: number | 'last' | 'any';
  stringsOnly?: boolean;
}

export interface SanitizerModel {
  for: string[];
  function?: string[];
  namePattern?: RegExp;
}

export interface GuardModel {
  modules: string[];
  functions: string[];
  namePattern: RegExp;
}

export interface SourceModel {
  kind: 'untrusted' | 'retrieved' | 'secret' | 'pii';
  module?: string[];
  function?: string[];
  method?: string[];
  receiverNames?: string[];
  label?: string;
}

export interface Knowledge {
  sdks: SdkModel[];
  sources: SourceModel[];
  sinks: SinkModel[];
  sanitizers: SanitizerModel[];
  guards: { auth: GuardModel; rateLimit: GuardModel };
}

interface SdkYaml {
  id: string;
  name: string;
  modules: string[];
  'env-key'?: string;
  hosts?: string[];
  exports?: Record<string, ExportKind>;
  'client-options'?: {
    'api-key'?: string[];
    'base-url'?: string[];
    browser?: string[];
    'http-agent'?: string[];
    'max-tokens'?: (string | MaxTokenOption)[];
  };
  'tool-args'?: string[];
  calls?: {
    on: 'client' | 'export';
    export?: string | string[];
    path?: string | string[];
    new?: boolean;
    kind: CallKind;
    role?: 'system' | 'user' | 'assistant';
    slots?: Record<string, SlotKind>;
    'max-tokens'?: (string | MaxTokenOption)[];
    'insert-max-tokens'?: string;
    execute?: string;
    'execute-input'?: string;
    approval?: string[];
    output?: 'text' | 'object' | 'none';
    schema?: string;
  }[];
  http?: { slots?: Record<string, SlotKind>; 'max-tokens'?: string[] };
}

/** The YAML shape of a source or sink entry (rules/security.yaml and the workspace config share it). */
export type SourceYaml = NonNullable<SecurityYaml['sources']>[number];
export type SinkYaml = SecurityYaml['sinks'][number];

export function sourceFromYaml(s: SourceYaml): SourceModel {
  return { kind: s.kind, module: s.module, function: s.function, method: s.method, receiverNames: s['receiver-names'], label: s.label };
}

export function sinkFromYaml(s: SinkYaml): SinkModel {
  return {
    kind: s.kind,
    global: s.global,
    module: s.module,
    function: s.function,
    method: s.method,
    property: s.property,
    receiver: s.receiver,
    receiverNames: s['receiver-names'],
    jsxAttribute: s['jsx-attribute'],
    arg: s.arg,
    stringsOnly: s['strings-only'],
  };
}

interface SecurityYaml {
  sources?: { kind: SourceModel['kind']; module?: string[]; function?: string[]; method?: string[]; 'receiver-names'?: string[]; label?: string }[];
  sinks: {
    kind: SinkKind;
    global?: string[];
    module?: string[];
    function?: string[];
    method?: string[];
    property?: string[];
    receiver?: string[];
    'receiver-names'?: string[];
    'jsx-attribute'?: string[];
    arg?: number | 'last' | 'any';
    'strings-only'?: boolean;
  }[];
  sanitizers: { for: string[]; function?: string[]; 'name-pattern'?: string }[];
  guards: Record<'auth' | 'rate-limit', { modules: string[]; functions: string[]; 'name-pattern': string }>;
}

const asList = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const asOptions = (v: (string | MaxTokenOption)[] | undefined): MaxTokenOption[] =>
  (v ?? []).map((o) => (typeof o === 'string' ? { path: o } : o));

export function loadSdkModel(file: string, schemaFile: string): SdkModel {
  const y = loadYamlWithSchema<SdkYaml>(file, schemaFile);
  const co = y['client-options'] ?? {};
  return {
    id: y.id,
    name: y.name,
    modules: y.modules,
    envKey: y['env-key'],
    hosts: y.hosts ?? [],
    exports: new Map(Object.entries(y.exports ?? {})),
    clientOptions: {
      apiKey: co['api-key'] ?? [],
      baseUrl: co['base-url'] ?? [],
      browser: co.browser ?? [],
      httpAgent: co['http-agent'] ?? [],
      maxTokens: asOptions(co['max-tokens']),
    },
    toolArgs: y['tool-args'] ?? [],
    calls: (y.calls ?? []).map((c) => ({
      on: c.on,
      exports: asList(c.export),
      paths: c.path === undefined ? [''] : asList(c.path),
      isNew: c.new ?? false,
      kind: c.kind,
      role: c.role,
      slots: Object.entries(c.slots ?? {}),
      maxTokens: asOptions(c['max-tokens']),
      insertMaxTokens: c['insert-max-tokens'],
      execute: c.execute,
      executeInput: c['execute-input'],
      approval: c.approval ?? [],
      output: c.output ?? (c.kind === 'prompt' ? 'text' : 'none'),
      schema: c.schema,
    })),
    http: y.http ? { slots: Object.entries(y.http.slots ?? {}), maxTokens: y.http['max-tokens'] ?? [] } : undefined,
    file,
  };
}

let cache: Knowledge | undefined;

export function loadKnowledge(): Knowledge {
  if (cache) return cache;
  const dir = findRulesDir();
  const sdkDir = path.join(dir, 'sdks');
  const sdkSchema = path.join(dir, 'schema', 'sdk.schema.json');
  const sdks = fs
    .readdirSync(sdkDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => loadSdkModel(path.join(sdkDir, f), sdkSchema));
  const sec = loadYamlWithSchema<SecurityYaml>(path.join(dir, 'security.yaml'), path.join(dir, 'schema', 'security.schema.json'));
  const guard = (g: SecurityYaml['guards']['auth']): GuardModel => ({
    modules: g.modules,
    functions: g.functions,
    namePattern: new RegExp(g['name-pattern'], 'i'),
  });
  cache = {
    sdks,
    sources: (sec.sources ?? []).map(sourceFromYaml),
    sinks: sec.sinks.map(sinkFromYaml),
    sanitizers: sec.sanitizers.map((s) => ({
      for: s.for,
      function: s.function,
      namePattern: s['name-pattern'] ? new RegExp(s['name-pattern'], 'i') : undefined,
    })),
    guards: { auth: guard(sec.guards.auth), rateLimit: guard(sec.guards['rate-limit']) },
  };
  return cache;
}

/** Does an import specifier name this module (exactly, or under a `prefix/*` entry)? */
export function moduleMatches(spec: string, patterns: readonly string[]): boolean {
  const bare = spec.startsWith('node:') ? spec.slice(5) : spec;
  for (const p of patterns) {
    if (p.endsWith('/*')) {
      const prefix = p.slice(0, -1);
      if (spec.startsWith(prefix)) return true;
    } else if (p === spec || p === bare) {
      return true;
    }
  }
  return false;
}
