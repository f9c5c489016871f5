// Workspace configuration and in-source suppressions, shared by the CLI (and the language server): locate and
// load a config file, merge its knowledge, filter files, apply rule levels, read and apply suppression comments.
export { resolveConfig, findConfigFile, ConfigError, CONFIG_FILE_NAMES, type ConfigChoice, type FoundConfig } from './locate';
export { parseConfig, loadConfigFile, defaultConfig, configSchemaFile, type PromptwardConfig, type RuleLevel, type ConfigFileData } from './load';
export { YamlFileError, parseLocated, type LocatedDocument } from './located';
export { mergeKnowledge, knowledgeFor } from './knowledge';
export { excludedBy } from './files';
export { applyRuleLevels } from './severities';
export { findDirectives, applySuppressions, parseDirective, type Directive } from './suppressions';
export { META_RULES, META_RULE_IDS, isMetaRule, type AnyRuleId, type MetaRuleId, type ReportRuleMeta } from './meta-rules';
export type { ReportFinding, Suppression } from './report-finding';
export { parseGlob, globMatches, GlobError, type Glob } from './glob';
