// Names and shapes the language server shares with its clients (the VS Code extension, tests): custom requests
// under the `promptward/` prefix, command ids, code action kinds and initialization options. Documented in
// docs/lsp.md. Plain data only: a client imports this file without the server.
import type { ThreatModel } from '../core/threat-model/types';

/** Diagnostics, hovers and code actions carry this source. */
export const SOURCE = 'promptward';

/** Code action kind of "fix all safe Promptward problems in this file". */
export const FIX_ALL_KIND = 'source.fixAll.promptward';

/** Command of the "Show documentation for <rule-id>" code action: arguments `[url]`. */
export const SHOW_DOCUMENTATION_COMMAND = 'promptward.showRuleDocumentation';

/** Request: counts of the findings of each workspace folder (analysing what has not been analysed yet). */
export const FINDINGS_SUMMARY_REQUEST = 'promptward/findingsSummary';

export interface FindingsSummaryParams {
  /** A workspace folder URI; all folders when omitted. */
  folder?: string;
}

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

export interface FolderFindingsSummary {
  /** The folder's URI. */
  folder: string;
  /** Source files in the folder. */
  files: number;
  /** Files with at least one finding shown. */
  filesWithFindings: number;
  /** Findings shown (after the configuration's rule levels and suppression comments). */
  total: number;
  /** Findings hidden by a suppression comment with a reason. */
  suppressed: number;
  bySeverity: SeverityCounts;
  /** True when `promptward.enable` is false for the folder: nothing is analysed and every count is 0. */
  disabled?: boolean;
  /** Per rule id (including the invalid-ignore meta rule). */
  byRule: Record<string, SeverityCounts & { total: number }>;
}

export interface FindingsSummaryResult {
  folders: FolderFindingsSummary[];
}

/** Request: the threat model of a workspace folder, from the editor's current text (see docs/threat-model.md). */
export const THREAT_MODEL_REQUEST = 'promptward/threatModel';

export type ThreatModelFormat = 'json' | 'markdown' | 'html';

export interface ThreatModelParams {
  /** A workspace folder URI; may be omitted when the server has exactly one folder. */
  folder?: string;
  /** Also render the model as a report in this format (the same text `promptward threat-model` writes). */
  format?: ThreatModelFormat;
}

export interface ThreatModelResult {
  /** The folder's URI. */
  folder: string;
  model: ThreatModel;
  /** The report, when a format was asked for. */
  text?: string;
}

/**
 * Notification from the server: a folder's threat model may have changed (its findings, calls, entry points, flows
 * or tools changed, or its configuration). Sent only for folders whose threat model was requested before, at most
 * once per 500 ms per folder.
 */
export const THREAT_MODEL_CHANGED_NOTIFICATION = 'promptward/threatModelChanged';

export interface ThreatModelChangedParams {
  folder: string;
}

/** `data` of every Promptward diagnostic: ties a diagnostic in a code action request back to its finding. */
export interface DiagnosticData {
  fingerprint: string;
  ruleId: string;
}

/** `initializationOptions` the server reads (all optional; the defaults are documented in docs/lsp.md). */
export interface InitializationOptions {
  /** Milliseconds to wait after a change before analysing (default 150). */
  debounceMs?: number;
  /** Files larger than this are not analysed (default 1 MB). */
  maxFileBytes?: number;
  /** Analysis time allowed per analysed file, on average, before a run stops early (default 200 ms). */
  perFileBudgetMs?: number;
  /** Folders with at most this many source files are analysed whole on every change (default 40). */
  wholeFolderMaxFiles?: number;
  /** Offer `workspace/diagnostic` to clients that pull diagnostics (default true). */
  workspaceDiagnostics?: boolean;
  /**
   * The editor settings of every folder, for clients without the `workspace.configuration` capability (clients
   * with it are asked per folder instead).
   */
  settings?: EditorSettings;
}

/** Section of the editor settings in `workspace/configuration` (the client's `promptward.*` settings). */
export const SETTINGS_SECTION = 'promptward';

/**
 * The editor settings of a workspace folder: the `promptward` section the server asks for with
 * `workspace/configuration` (scoped to the folder), or `initializationOptions.settings`. Every key is optional; an
 * invalid value is logged once and ignored (its default applies). See docs/lsp.md#settings.
 */
export interface EditorSettings {
  /** Analyse the folder at all (default true). When false: no diagnostics, code actions or hovers. */
  enable?: boolean;
  /** Analyse while typing (after the debounce), or only when a document is opened or saved (default 'onType'). */
  run?: 'onType' | 'onSave';
  /** Rule id → level, for the rules the folder's config file does not set (the config file wins). */
  rules?: Record<string, 'off' | 'info' | 'warning' | 'error'>;
  /** Globs relative to the folder (the config file's `exclude` syntax), added to the config file's excludes. */
  exclude?: string[];
  /** A code lens above each LLM call summarising the untrusted and sensitive data that reaches its prompt (default false). */
  codeLens?: boolean;
}
