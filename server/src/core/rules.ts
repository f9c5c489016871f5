// Rule metadata: one YAML file per rule in rules/<rule-id>.yaml, validated at load.
import * as fs from 'fs';
import * as path from 'path';
import { loadYamlWithSchema } from './knowledge/yaml-file';
import { RULE_IDS, type RuleId, type RuleMeta, type Severity, type Confidence } from './types';

export const DOCS_BASE_URL = 'https://github.com/promptward/promptward/blob/main/rules/docs/';

export function ruleDocUrl(id: RuleId): string {
  return `${DOCS_BASE_URL}${id}.md`;
}

let rulesDirCache: string | undefined;

/** The rules/ folder shipped with the tool: found by walking up from this module (works for out/ and dist/). */
export function findRulesDir(): string {
  if (rulesDirCache) return rulesDirCache;
  let dir = __dirname;
  for (;;) {
    const candidate = path.join(dir, 'rules');
    if (fs.existsSync(path.join(candidate, 'schema', 'rule.schema.json'))) return (rulesDirCache = candidate);
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the rules/ folder above ${__dirname}`);
    dir = parent;
  }
}

interface RuleYaml {
  id: string;
  name: string;
  'short-description': string;
  severity: Severity;
  confidence: Confidence;
  likelihood: 'high' | 'medium' | 'low';
  impact: 'high' | 'medium' | 'low';
  'security-severity': number;
  'owasp-2025': string[];
  'owasp-2026': string[];
  cwe: string[];
  atlas: string[];
  message: string;
  references: string[];
}

let metaCache: RuleMeta[] | undefined;

export function loadRuleMetas(): RuleMeta[] {
  if (metaCache) return metaCache;
  const dir = findRulesDir();
  const schema = path.join(dir, 'schema', 'rule.schema.json');
  metaCache = RULE_IDS.map((id) => {
    const file = path.join(dir, `${id}.yaml`);
    const y = loadYamlWithSchema<RuleYaml>(file, schema);
    if (y.id !== id) throw new Error(`${file}: id "${y.id}" does not match the file name`);
    return {
      id,
      name: y.name,
      shortDescription: y['short-description'],
      severity: y.severity,
      confidence: y.confidence,
      likelihood: y.likelihood,
      impact: y.impact,
      securitySeverity: y['security-severity'],
      owasp2025: y['owasp-2025'],
      owasp2026: y['owasp-2026'],
      cwe: y.cwe,
      atlas: y.atlas,
      message: y.message,
      references: y.references,
      helpUri: ruleDocUrl(id),
    };
  });
  return metaCache;
}

export function ruleMeta(id: RuleId): RuleMeta {
  return loadRuleMetas().find((m) => m.id === id)!;
}
