// The workspace configuration as the language server uses it: the folder's .promptward.yaml (or package.json
// key) found like the CLI finds it, its knowledge and file filters for the analysis, and the step from the
// core's findings to what the editor shows (rule levels, suppression comments). The one place the server
// touches server/src/config.
import * as path from 'path';
import {
  applyRuleLevels, applySuppressions, defaultConfig, excludedBy, findDirectives, knowledgeFor, resolveConfig,
  ConfigError, YamlFileError, META_RULES, type PromptwardConfig, type ReportFinding,
} from '../config';
import { loadRuleMetas, type Finding, type RuleMeta } from '../core';
import type { Knowledge } from '../core/knowledge/models';
import type { ResolvedEditorSettings } from './settings';

export interface ConfigProblem {
  /** The config file, when the problem is inside one. */
  file?: string;
  /** 1-based. */
  line: number;
  column: number;
  message: string;
}

export interface FolderConfig {
  config: PromptwardConfig;
  knowledge?: Knowledge;
  exclude?: (file: string) => boolean;
  problem?: ConfigProblem;
}

/** File names whose change means the configuration must be read again. */
export const CONFIG_FILE_NAMES = ['.promptward.yaml', '.promptward.yml', 'package.json'];

/** The configuration for a workspace folder; a broken one is reported and the defaults apply meanwhile. */
export function loadFolderConfig(root: string): FolderConfig {
  try {
    const config = resolveConfig([root], root);
    return { config, knowledge: knowledgeFor(config.data), exclude: excludedBy(config) };
  } catch (err) {
    if (err instanceof YamlFileError) {
      return { config: defaultConfig(root), problem: { file: path.resolve(err.file), line: err.line, column: err.column, message: err.detail } };
    }
    if (err instanceof ConfigError) return { config: defaultConfig(root), problem: { line: 1, column: 1, message: err.message } };
    throw err;
  }
}

/**
 * The folder's configuration with its editor settings under it: a rule level from the settings applies only to
 * a rule the config file does not set (the file is the project's decision, shared by the CLI and CI); the
 * settings' excludes (relative to the folder) are added to the file's.
 */
export function withEditorSettings(fromFile: FolderConfig, root: string, editor: ResolvedEditorSettings): FolderConfig {
  if (editor.rules.size === 0 && editor.exclude.length === 0) return fromFile;
  const rules = new Map(editor.rules);
  for (const [id, level] of fromFile.config.rules) rules.set(id, level);
  const byFile = fromFile.exclude;
  // The config file's glob matching, on a config holding only the settings' excludes.
  const bySettings = excludedBy({ ...defaultConfig(root), exclude: editor.exclude });
  const exclude = byFile && bySettings ? (file: string) => byFile(file) || bySettings(file) : byFile ?? bySettings;
  return { ...fromFile, config: { ...fromFile.config, rules }, exclude };
}

export interface Presented {
  /** What the editor shows: findings not suppressed, and problems with suppression comments. */
  shown: ReportFinding[];
  suppressed: number;
  /** The findings after the rule levels, suppressed ones marked (no suppression-comment problems): for the threat model. */
  marked: ReportFinding[];
}

/** Applies the configured rule levels and the file's suppression comments to a file's findings. */
export function present(findings: readonly Finding[], file: string, text: string | undefined, folder: FolderConfig): Presented {
  const levels = folder.config.rules;
  const configured = applyRuleLevels(findings, levels);
  const directives = text === undefined ? [] : findDirectives(file, text);
  if (directives.length === 0) return { shown: configured, suppressed: 0, marked: configured };
  const { findings: marked, problems } = applySuppressions(configured, new Map([[file, directives]]), { root: folder.config.baseDir, reportUnused: false, levels });
  const shown = [...marked.filter((f) => !f.suppressed), ...problems].sort((a, b) => a.location.startOffset - b.location.startOffset);
  return { shown, suppressed: marked.length - marked.filter((f) => !f.suppressed).length, marked };
}

/** Rule metadata for any rule id a finding can carry (the core's rules and the suppression meta rules). */
export function ruleMetaOf(id: string): Pick<RuleMeta, 'name' | 'shortDescription' | 'owasp2025' | 'owasp2026' | 'cwe' | 'helpUri'> | undefined {
  return loadRuleMetas().find((m) => m.id === id) ?? META_RULES.find((m) => m.id === id);
}
