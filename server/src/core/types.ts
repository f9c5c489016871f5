// Plain, serialisable data shared by the core and every front-end (CLI, language server, tests).
// Nothing here may import ts-morph, vscode or the language-server libraries.

export const RULE_IDS = [
  'prompt-injection',
  'secret-in-prompt',
  'hardcoded-llm-key',
  'browser-exposed-llm-key',
  'unvalidated-llm-output',
  'excessive-agency',
  'missing-rate-limit',
  'unauthenticated-llm-endpoint',
  'missing-max-tokens',
  'insecure-llm-transport',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

export type Severity = 'error' | 'warning' | 'info';
export type Confidence = 'high' | 'medium' | 'low';

/** 1-based line and column, as editors and SARIF show them. `end` is exclusive. */
export interface Position {
  line: number;
  column: number;
}

export interface Location {
  /** Absolute file path. */
  file: string;
  start: Position;
  end: Position;
  /** Offsets into the file text (UTF-16 code units), for edits. */
  startOffset: number;
  endOffset: number;
}

export type PathStepKind = 'source' | 'step' | 'sink';

export interface PathStep {
  kind: PathStepKind;
  location: Location;
  /** A short label: "req.body (HTTP request body)", "template literal", "system prompt". */
  label: string;
}

export interface TextEdit {
  file: string;
  startOffset: number;
  endOffset: number;
  newText: string;
}

export interface Fix {
  title: string;
  /** Safe fixes are applied by `promptward scan --fix` and `source.fixAll`. */
  safe: boolean;
  preferred: boolean;
  edits: TextEdit[];
}

export interface Finding {
  ruleId: RuleId;
  severity: Severity;
  confidence: Confidence;
  message: string;
  location: Location;
  /** Source → steps → sink. Empty for rules that are not flows (e.g. a hard-coded key). */
  path: PathStep[];
  fixes: Fix[];
  /** Stable across unrelated edits: derived from rule, file, normalised code and path labels. */
  fingerprint: string;
}

export interface RuleMeta {
  id: RuleId;
  name: string;
  shortDescription: string;
  severity: Severity;
  confidence: Confidence;
  owasp2025: string[];
  owasp2026: string[];
  cwe: string[];
  atlas: string[];
  likelihood: 'high' | 'medium' | 'low';
  impact: 'high' | 'medium' | 'low';
  securitySeverity: number;
  message: string;
  references: string[];
  /** Docs page URL derived from the id. */
  helpUri: string;
}

export interface SkippedFile {
  file: string;
  reason: string;
}

export interface ScanStats {
  filesScanned: number;
  filesAnalysed: number;
  filesSkipped: number;
  durationMs: number;
}

/** An LLM call site: what the threat model lists as an AI component. */
export interface LlmCallSite {
  sdk: string;
  module: string;
  call: string;
  kind: 'prompt' | 'embedding' | 'agent' | 'raw-http';
  modelIds: string[];
  location: Location;
}

export interface EntryPointInfo {
  kind: 'route' | 'route-handler' | 'api-handler' | 'server-action' | 'http-server';
  framework: string;
  method?: string;
  path?: string;
  name: string;
  location: Location;
  reachesLlm: boolean;
  authenticated: boolean;
  rateLimited: boolean;
}

export type FlowSourceKind = 'untrusted' | 'retrieved' | 'secret' | 'pii' | 'llm-output' | 'tool-args';

/** Data reaching a prompt slot, with the slot's role. */
export interface PromptFlow {
  sourceKind: FlowSourceKind;
  sourceLabel: string;
  source: Location;
  role: 'instructions' | 'user' | 'mixed';
  sink: Location;
  sinkLabel: string;
}

/** Model output (or model-chosen tool arguments) reaching a sink. */
export interface OutputFlow {
  sourceKind: FlowSourceKind;
  sinkKind: string;
  source: Location;
  sink: Location;
  sinkLabel: string;
  validated: boolean;
}

export interface ToolInfo {
  name: string;
  location: Location;
  capabilities: string[];
  approvalRequired: boolean;
}

/** What the analysis saw, beyond findings: the raw material of the threat model. */
export interface Inventory {
  calls: LlmCallSite[];
  entryPoints: EntryPointInfo[];
  promptFlows: PromptFlow[];
  outputFlows: OutputFlow[];
  tools: ToolInfo[];
}

export interface ScanResult {
  root: string;
  findings: Finding[];
  skipped: SkippedFile[];
  stats: ScanStats;
  inventory?: Inventory;
}
