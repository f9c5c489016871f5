// The evidence vocabulary of the checklist (rules/threat-model/evidence.yaml), validated against its schema.
import * as path from 'path';
import { findRulesDir } from '../rules';
import { loadYamlWithSchema } from '../knowledge/yaml-file';

interface VocabularyYaml {
  observability: {
    sdks: { name: string; modules: string[]; global?: boolean; hosts?: string[]; requires?: string }[];
    loggers: { modules: string[]; names?: string[] }[];
    'local-logger-names': string;
  };
  'red-team': {
    configs: { tool: string; names: string; adversarial: string }[];
    commands: string;
    'test-dirs': string[];
    'test-files': string;
    phrases: string;
  };
  'incident-response': { documents: string; 'ai-terms': string; 'ai-acronyms': string };
  redaction: { callees: string; modules: string[] };
}

export interface ObservabilitySdk {
  name: string;
  modules: ModuleMatcher;
  global: boolean;
  hosts: string[];
  requires?: RegExp;
}

export type ModuleMatcher = (spec: string) => boolean;

export interface EvidenceVocabulary {
  observabilitySdks: ObservabilitySdk[];
  loggers: { modules: ModuleMatcher; names?: string[] }[];
  localLoggerNames: RegExp;
  redTeamConfigs: { tool: string; names: RegExp; adversarial: RegExp }[];
  redTeamCommands: RegExp;
  testDirs: Set<string>;
  testFiles: RegExp;
  adversarialPhrases: RegExp;
  incidentDocuments: RegExp;
  aiTerms: RegExp;
  aiAcronyms: RegExp;
  redactionCallees: RegExp;
  redactionModules: ModuleMatcher;
}

/** `name`, or a pattern with `*` for any characters. */
export function moduleMatcher(patterns: readonly string[]): ModuleMatcher {
  const exact = new Set(patterns.filter((p) => !p.includes('*')));
  const globs = patterns
    .filter((p) => p.includes('*'))
    .map((p) => new RegExp(`^${p.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\/]/g, '\\$&')).join('.*')}$`));
  return (spec) => {
    const bare = spec.startsWith('node:') ? spec.slice(5) : spec;
    return exact.has(bare) || globs.some((g) => g.test(bare));
  };
}

let cache: EvidenceVocabulary | undefined;

export function loadEvidenceVocabulary(): EvidenceVocabulary {
  if (cache) return cache;
  const dir = findRulesDir();
  const y = loadYamlWithSchema<VocabularyYaml>(path.join(dir, 'threat-model', 'evidence.yaml'), path.join(dir, 'schema', 'threat-model-evidence.schema.json'));
  const o = y.observability;
  const r = y['red-team'];
  const i = y['incident-response'];
  cache = {
    observabilitySdks: o.sdks.map((s) => ({
      name: s.name,
      modules: moduleMatcher(s.modules),
      global: s.global ?? false,
      hosts: s.hosts ?? [],
      requires: s.requires ? new RegExp(s.requires) : undefined,
    })),
    loggers: o.loggers.map((l) => ({ modules: moduleMatcher(l.modules), names: l.names })),
    localLoggerNames: new RegExp(o['local-logger-names']),
    redTeamConfigs: r.configs.map((c) => ({ tool: c.tool, names: new RegExp(c.names, 'i'), adversarial: new RegExp(c.adversarial, 'im') })),
    redTeamCommands: new RegExp(r.commands, 'i'),
    testDirs: new Set(r['test-dirs'].map((d) => d.toLowerCase())),
    testFiles: new RegExp(r['test-files'], 'i'),
    adversarialPhrases: new RegExp(r.phrases, 'i'),
    incidentDocuments: new RegExp(i.documents, 'i'),
    aiTerms: new RegExp(i['ai-terms'], 'i'),
    aiAcronyms: new RegExp(i['ai-acronyms']),
    redactionCallees: new RegExp(y.redaction.callees),
    redactionModules: moduleMatcher(y.redaction.modules),
  };
  return cache;
}
