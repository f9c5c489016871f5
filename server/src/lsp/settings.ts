// The editor settings of a workspace folder (`promptward.enable`, `.run`, `.rules`, `.exclude`), checked value by
// value: whatever a client sends, an invalid value is reported (once, by the caller's log) and ignored, so that
// its default applies and the other settings still do. Shapes in protocol.ts; documented in docs/lsp.md.
import { GlobError, META_RULE_IDS, parseGlob, type Glob, type RuleLevel } from '../config';
import { RULE_IDS } from '../core';
import { SETTINGS_SECTION } from './protocol';

export type RunMode = 'onType' | 'onSave';

/** Validated editor settings. `key` is equal for equal settings (to tell whether a change affects a folder). */
export interface ResolvedEditorSettings {
  readonly enable: boolean;
  readonly run: RunMode;
  readonly rules: ReadonlyMap<string, RuleLevel>;
  readonly exclude: readonly Glob[];
  readonly codeLens: boolean;
  readonly key: string;
}

/** Reports one ignored value: the setting's full name and what was wrong with it. */
export type SettingProblem = (setting: string, value: unknown, message: string) => void;

const LEVELS: readonly RuleLevel[] = ['off', 'info', 'warning', 'error'];
const RUNS: readonly RunMode[] = ['onType', 'onSave'];
const KNOWN_RULES: ReadonlySet<string> = new Set([...RULE_IDS, ...META_RULE_IDS]);

export const DEFAULT_EDITOR_SETTINGS: ResolvedEditorSettings = settingsOf(true, 'onType', new Map(), [], false);

function settingsOf(enable: boolean, run: RunMode, rules: ReadonlyMap<string, RuleLevel>, exclude: readonly Glob[], codeLens: boolean): ResolvedEditorSettings {
  const key = JSON.stringify([enable, run, [...rules].sort(([a], [b]) => a.localeCompare(b)), exclude.map((g) => g.source), codeLens]);
  return { enable, run, rules, exclude, codeLens, key };
}

/** A value as a log message shows it. */
export function showValue(value: unknown): string {
  try {
    const text = JSON.stringify(value);
    if (text !== undefined) return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  } catch {
    // a cyclic value cannot come over JSON-RPC, but never fail on it
  }
  return String(value);
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks the `promptward` settings section a client sent. `undefined`/`null` (and a `null` key) mean "not set":
 * the defaults apply silently. Unknown keys are ignored silently (clients keep their own settings in the section).
 */
export function resolveEditorSettings(raw: unknown, problem: SettingProblem): ResolvedEditorSettings {
  if (raw === undefined || raw === null) return DEFAULT_EDITOR_SETTINGS;
  if (!isPlainObject(raw)) {
    problem(SETTINGS_SECTION, raw, 'expected an object of settings');
    return DEFAULT_EDITOR_SETTINGS;
  }
  return settingsOf(
    booleanOf('enable', raw.enable, true, problem),
    runOf(raw.run, problem),
    rulesOf(raw.rules, problem),
    excludeOf(raw.exclude, problem),
    booleanOf('codeLens', raw.codeLens, false, problem),
  );
}

function booleanOf(name: string, value: unknown, fallback: boolean, problem: SettingProblem): boolean {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'boolean') return value;
  problem(`${SETTINGS_SECTION}.${name}`, value, 'expected true or false');
  return fallback;
}

function runOf(value: unknown, problem: SettingProblem): RunMode {
  if (value === undefined || value === null) return 'onType';
  if (RUNS.includes(value as RunMode)) return value as RunMode;
  problem(`${SETTINGS_SECTION}.run`, value, 'expected "onType" or "onSave"');
  return 'onType';
}

function rulesOf(value: unknown, problem: SettingProblem): Map<string, RuleLevel> {
  const rules = new Map<string, RuleLevel>();
  if (value === undefined || value === null) return rules;
  if (!isPlainObject(value)) {
    problem(`${SETTINGS_SECTION}.rules`, value, 'expected an object of rule id → level ("off", "info", "warning" or "error")');
    return rules;
  }
  for (const [id, level] of Object.entries(value)) {
    const name = `${SETTINGS_SECTION}.rules.${id}`;
    if (!KNOWN_RULES.has(id)) problem(name, level, `unknown rule id (known: ${[...KNOWN_RULES].join(', ')})`);
    else if (level === null) continue; // unset
    else if (!LEVELS.includes(level as RuleLevel)) problem(name, level, `expected one of ${LEVELS.map((l) => `"${l}"`).join(', ')}`);
    else rules.set(id, level as RuleLevel);
  }
  return rules;
}

function excludeOf(value: unknown, problem: SettingProblem): Glob[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problem(`${SETTINGS_SECTION}.exclude`, value, 'expected a list of globs');
    return [];
  }
  const globs: Glob[] = [];
  value.forEach((pattern: unknown, i) => {
    const name = `${SETTINGS_SECTION}.exclude[${i}]`;
    if (typeof pattern !== 'string') return problem(name, pattern, 'expected a glob (a string)');
    try {
      globs.push(parseGlob(pattern));
    } catch (err) {
      if (!(err instanceof GlobError)) throw err;
      problem(name, pattern, `bad glob: ${err.message} (at column ${err.index + 1})`);
    }
  });
  return globs;
}
