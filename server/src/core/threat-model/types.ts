// The threat model of a workspace: plain, JSON-serialisable data, versioned by `schemaVersion`.
// Published as rules/schema/threat-model.schema.json; a test validates every model against it.
// Paths are relative to the workspace root with `/` separators, so the JSON is the same on every machine
// and can be checked in and reviewed in a pull request. No timestamps for the same reason.

export const THREAT_MODEL_SCHEMA_VERSION = 1 as const;

/** 1-based; `endColumn` is exclusive. */
export interface TmLocation {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type ChecklistStatus = 'met' | 'partly-met' | 'not-met' | 'unknown';

export interface ThreatModel {
  schemaVersion: typeof THREAT_MODEL_SCHEMA_VERSION;
  generator: { name: 'promptward'; version: string };
  workspace: WorkspaceInfo;
  summary: ThreatModelSummary;
  components: Component[];
  entryPoints: EntryPoint[];
  dataFlows: DataFlows;
  tools: Tool[];
  threats: ThreatCategory[];
  checklist: ChecklistItem[];
}

export interface WorkspaceInfo {
  /** The root folder's name (its absolute path is left out so the model is the same on every machine). */
  name: string;
  filesScanned: number;
  filesAnalysed: number;
  filesSkipped: number;
  /** The read-only search for evidence beyond the analysis (docs, configs, imports). */
  evidenceSearch: { filesVisited: number; filesRead: number; bytesRead: number; truncated: boolean };
}

export interface ThreatModelSummary {
  components: number;
  callSites: number;
  modelIds: string[];
  providers: string[];
  entryPoints: number;
  unauthenticatedEntryPoints: number;
  entryPointsWithoutRateLimit: number;
  promptInputs: number;
  sensitivePromptInputs: number;
  retrievalFlows: number;
  outputFlows: number;
  unvalidatedOutputFlows: number;
  tools: number;
  /** Tools with a dangerous capability whose model-chosen arguments are not confined (an open excessive-agency finding). */
  unconfinedTools: number;
  threats: { total: number; open: number; suppressed: number; error: number; warning: number; info: number };
  checklist: Record<ChecklistStatus, number>;
}

/** One SDK (or one provider's HTTP API called with fetch/axios) and where it is called. */
export interface Component {
  id: string;
  name: string;
  interface: 'sdk' | 'http';
  modules: string[];
  providers: string[];
  modelIds: string[];
  callSites: CallSite[];
}

export interface CallSite {
  id: string;
  call: string;
  kind: 'prompt' | 'embedding' | 'agent' | 'raw-http';
  provider: string;
  modelIds: string[];
  location: TmLocation;
  /** The module runs in the browser ('use client', a browser-exposed key, dangerouslyAllowBrowser). */
  runsInBrowser: boolean;
  /** Entry points that reach this call (see EntryPoint.calls for how each link was found). */
  entryPoints: string[];
}

export type EntryPointLink = 'in-handler' | 'data-flow' | 'import';

export interface EntryPoint {
  id: string;
  kind: 'route' | 'route-handler' | 'api-handler' | 'server-action' | 'http-server';
  framework: string;
  method?: string;
  path?: string;
  name: string;
  location: TmLocation;
  authenticated: boolean;
  rateLimited: boolean;
  /**
   * The LLM calls it reaches: `in-handler` (the call is in the handler), `data-flow` (request data reaches the
   * call's prompt), `import` (inferred: the handler calls a function imported from a module that calls a model).
   */
  calls: { call: string; via: EntryPointLink }[];
  /** Findings at this entry point (unauthenticated-llm-endpoint, missing-rate-limit), by threat id. */
  threats: string[];
}

export interface DataFlows {
  /** Untrusted input, secrets and personal data reaching a prompt. */
  promptInputs: PromptInputFlow[];
  /** Retrieved content (RAG, documents, web pages) reaching a prompt. */
  retrieval: PromptInputFlow[];
  /** Model output and model-chosen tool arguments reaching a sink. */
  outputs: OutputFlow[];
}

export interface PromptInputFlow {
  sourceKind: 'untrusted' | 'retrieved' | 'secret' | 'pii';
  sourceLabel: string;
  source: TmLocation;
  /** The prompt slot's role: the model's instructions, user content, or one string mixing both. */
  role: 'instructions' | 'user' | 'mixed';
  sinkLabel: string;
  sink: TmLocation;
  /** The LLM call whose prompt this is, when the slot lies in one. */
  call?: string;
  /** Entry points whose handler holds the source. */
  entryPoints: string[];
  threats: string[];
}

export interface OutputFlow {
  sourceKind: 'model-output' | 'tool-arguments';
  sourceLabel: string;
  source: TmLocation;
  /** The LLM call the output comes from, when it is a known call site. */
  call?: string;
  /** The tool whose model-chosen arguments these are. */
  tool?: string;
  sinkKind: string;
  sinkLabel: string;
  sink: TmLocation;
  validated: boolean;
  threats: string[];
}

export interface Tool {
  id: string;
  name: string;
  location: TmLocation;
  capabilities: string[];
  /** Capabilities among code execution, shell, file write, network and database. */
  dangerousCapabilities: string[];
  approvalRequired: boolean;
  /** False when an open excessive-agency finding says model-chosen arguments reach a dangerous sink unchecked. */
  argumentsConfined: boolean;
  /** LLM calls in the same module (the inventory does not say which call registers a tool). */
  calls: string[];
  threats: string[];
}

export interface ThreatCategory {
  owasp2025: string;
  owasp2026: string;
  /** The category's name in the OWASP Top 10 for LLM Applications 2025. */
  name: string;
  count: number;
  open: number;
  suppressed: number;
  threats: Threat[];
}

export interface Threat {
  /** The finding's fingerprint. */
  id: string;
  ruleId: string;
  rule: string;
  severity: 'error' | 'warning' | 'info';
  confidence: 'high' | 'medium' | 'low';
  message: string;
  location: TmLocation;
  cwe: string[];
  mitigation: { status: 'open' | 'suppressed'; justification?: string };
}

export interface ChecklistItem {
  id: ChecklistId;
  step: number;
  title: string;
  status: ChecklistStatus;
  /** One sentence: why this status. */
  summary: string;
  evidence: Evidence[];
}

export type ChecklistId =
  | 'sensitive-data-mapped'
  | 'least-privilege-and-authentication'
  | 'redaction-before-model'
  | 'adversarial-testing'
  | 'logging-and-monitoring'
  | 'incident-response-plan';

/** `found`: supports the item; `gap`: counts against it; `searched`: what was looked at and found nothing. */
export interface Evidence {
  kind: 'found' | 'gap' | 'searched';
  text: string;
  file?: string;
  line?: number;
}
