// The workspace evidence search: what the checklist needs beyond the analysis (red-team configs and tests,
// observability and logging imports, incident-response documents, redaction calls). It reads files and never
// executes anything; its cost is bounded by the number of folder entries visited, the size of a file it reads
// and the total bytes read. When a bound stops it, `truncated` is set and the checklist says "unknown" instead
// of "not met" for what it did not find.
import * as fs from 'fs';
import * as path from 'path';
import type { EvidenceVocabulary } from './vocabulary';

export interface EvidenceLimits {
  /** Folder entries (files and folders) visited. */
  maxEntries: number;
  /** Larger files are not read. */
  maxFileBytes: number;
  /** Reading stops when this many bytes have been read. */
  maxTotalBytes: number;
}

export const DEFAULT_EVIDENCE_LIMITS: EvidenceLimits = { maxEntries: 100_000, maxFileBytes: 512 * 1024, maxTotalBytes: 64 * 1024 * 1024 };

/** A place in the workspace: path relative to the root (`/` separated), 1-based line, and what was seen. */
export interface Seen {
  file: string;
  line: number;
  text: string;
}

export interface ObservabilityImport extends Seen {
  sdk: string;
  module: string;
  global: boolean;
  inLlmModule: boolean;
}

export interface WorkspaceEvidence {
  stats: { filesVisited: number; filesRead: number; bytesRead: number; truncated: boolean };
  redTeam: {
    configs: (Seen & { tool: string; adversarial: boolean })[];
    commands: Seen[];
    tests: Seen[];
    testFilesSearched: number;
  };
  observability: {
    imports: ObservabilityImport[];
    /** A provider proxy host (Helicone) in source code. */
    hosts: (Seen & { sdk: string; inLlmModule: boolean })[];
    /** Declared in a package.json but imported nowhere. */
    declared: (Seen & { sdk: string; module: string })[];
    /** Loggers imported in modules that call a model. */
    loggers: (Seen & { module: string })[];
  };
  incidentResponse: {
    documents: { file: string; aiMention?: Seen }[];
  };
  redaction: {
    /** Redaction calls and imports of redaction libraries in modules that call a model or feed its prompts. */
    seen: (Seen & { inLlmModule: boolean })[];
  };
}

export interface EvidenceInput {
  root: string;
  vocabulary: EvidenceVocabulary;
  /** Absolute paths of the modules with an LLM call. */
  llmModules: ReadonlySet<string>;
  /** Absolute paths of the modules that feed prompts (sources and slots of prompt flows), LLM modules included. */
  promptModules: ReadonlySet<string>;
  limits?: Partial<EvidenceLimits>;
}

const SKIPPED_DIRS = new Set([
  'node_modules', '.git', '.hg', '.svn', 'dist', 'build', 'out', '.next', '.nuxt', '.output', '.svelte-kit',
  'coverage', '.turbo', '.vercel', '.cache', '.parcel-cache', '.expo', 'bower_components', '.yarn', '.pnpm-store',
  '.venv', 'venv', '__pycache__', 'target', 'vendor', 'storybook-static', 'test-output',
]);
const SOURCE = /\.(ts|tsx|js|jsx|mjs|cjs|mts|cts)$/i;
const DECLARATION = /\.d\.[cm]?ts$/i;
const TEXT = /\.(ts|tsx|js|jsx|mjs|cjs|mts|cts|py|json|jsonl|ya?ml|md|markdown|txt|csv|toml)$/i;
const WORKFLOW = /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$|(^|\/)\.gitlab-ci\.ya?ml$|(^|\/)azure-pipelines\.ya?ml$/i;

export interface ImportSpec {
  spec: string;
  /** Imported and local binding names. */
  names: string[];
  line: number;
}

const IMPORT_FROM = /\bimport\s+(?:type\s+)?([\w$*{}\s,]+?)\s+from\s*['"]([^'"\n]+)['"]/g;
const IMPORT_BARE = /\bimport\s*\(?\s*['"]([^'"\n]+)['"]/g;
const REQUIRE = /(?:\b(?:const|let|var)\s+([\w${}\s,:]+?)\s*=\s*)?\brequire\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g;
const EXPORT_FROM = /\bexport\s+(?:type\s+)?(?:\*|\{[^}]*\})\s*(?:as\s+\w+\s*)?from\s*['"]([^'"\n]+)['"]/g;

function names(clause: string): string[] {
  return clause
    .replace(/[{}]/g, ' ')
    .split(/[\s,:]+|\bas\b/)
    .map((s) => s.trim())
    .filter((s) => s && s !== '*' && s !== 'type' && s !== 'as');
}

/** Import specifiers of a JavaScript/TypeScript text (a regular-expression reading: cheap, and good enough here). */
export function importsOf(text: string): ImportSpec[] {
  const out: ImportSpec[] = [];
  const lineAt = lineIndex(text);
  for (const m of text.matchAll(IMPORT_FROM)) out.push({ spec: m[2]!, names: names(m[1]!), line: lineAt(m.index!) });
  for (const m of text.matchAll(IMPORT_BARE)) out.push({ spec: m[1]!, names: [], line: lineAt(m.index!) });
  for (const m of text.matchAll(REQUIRE)) out.push({ spec: m[2]!, names: m[1] ? names(m[1]) : [], line: lineAt(m.index!) });
  for (const m of text.matchAll(EXPORT_FROM)) out.push({ spec: m[1]!, names: [], line: lineAt(m.index!) });
  return out.sort((a, b) => a.line - b.line);
}

/** offset → 1-based line, by binary search over the line starts. */
export function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** The first line matching `re`, trimmed and clipped. */
function firstLine(text: string, re: RegExp): { line: number; text: string } | undefined {
  const m = new RegExp(re.source, re.flags.replace('g', '')).exec(text);
  if (!m) return undefined;
  const line = lineIndex(text)(m.index);
  return { line, text: clip(text.split('\n')[line - 1]!.trim()) };
}

export function clip(s: string, max = 120): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

export function searchWorkspace(input: EvidenceInput): WorkspaceEvidence {
  const limits = { ...DEFAULT_EVIDENCE_LIMITS, ...input.limits };
  const v = input.vocabulary;
  const root = input.root;
  const ev: WorkspaceEvidence = {
    stats: { filesVisited: 0, filesRead: 0, bytesRead: 0, truncated: false },
    redTeam: { configs: [], commands: [], tests: [], testFilesSearched: 0 },
    observability: { imports: [], hosts: [], declared: [], loggers: [] },
    incidentResponse: { documents: [] },
    redaction: { seen: [] },
  };
  const declared: { deps: string[]; file: string }[] = [];
  const redactionSeen = new Set<string>();
  const sawRedaction = (r: Seen & { inLlmModule: boolean }) => {
    const key = `${r.file}:${r.line}:${r.text}`;
    if (!redactionSeen.has(key)) ev.redaction.seen.push(r);
    redactionSeen.add(key);
  };
  let entries = 0;

  const read = (abs: string, size: number): string | undefined => {
    if (size > limits.maxFileBytes) return undefined;
    if (ev.stats.bytesRead + size > limits.maxTotalBytes) {
      ev.stats.truncated = true;
      return undefined;
    }
    try {
      const text = fs.readFileSync(abs, 'utf8');
      ev.stats.filesRead++;
      ev.stats.bytesRead += size;
      return text.includes('\u0000') ? undefined : text;
    } catch {
      return undefined;
    }
  };

  const visitFile = (abs: string, rel: string, size: number): void => {
    ev.stats.filesVisited++;
    const base = rel.slice(rel.lastIndexOf('/') + 1);
    const dirs = rel.split('/').slice(0, -1).map((d) => d.toLowerCase());
    const isTest = dirs.some((d) => v.testDirs.has(d)) || v.testFiles.test(base);
    const isSource = SOURCE.test(base) && !DECLARATION.test(base);
    const redTeamConfig = v.redTeamConfigs.find((c) => c.names.test(base));
    const isDoc = v.incidentDocuments.test(rel);
    const isPackage = base === 'package.json';
    const isWorkflow = WORKFLOW.test(rel);
    if (!isSource && !redTeamConfig && !isDoc && !isPackage && !isWorkflow && !(isTest && TEXT.test(base))) return;
    const text = read(abs, size);
    if (text === undefined) return;

    if (redTeamConfig) {
      const hit = firstLine(text, redTeamConfig.adversarial) ?? firstLine(text, v.adversarialPhrases);
      ev.redTeam.configs.push({ file: rel, tool: redTeamConfig.tool, adversarial: !!hit, line: hit?.line ?? 1, text: hit?.text ?? '' });
    }
    if (isTest && TEXT.test(base) && !redTeamConfig) {
      ev.redTeam.testFilesSearched++;
      const hit = firstLine(text, v.adversarialPhrases);
      if (hit) ev.redTeam.tests.push({ file: rel, ...hit });
    }
    if (isWorkflow) {
      const hit = firstLine(text, v.redTeamCommands);
      if (hit) ev.redTeam.commands.push({ file: rel, ...hit });
    }
    if (isPackage) readPackage(text, rel);
    if (isDoc) {
      const acronym = firstLine(text, v.aiAcronyms);
      const term = firstLine(text, v.aiTerms);
      const first = acronym && term ? (acronym.line <= term.line ? acronym : term) : acronym ?? term;
      ev.incidentResponse.documents.push({ file: rel, aiMention: first ? { file: rel, ...first } : undefined });
    }
    if (isSource) readSource(abs, rel, text);
  };

  const readPackage = (text: string, rel: string): void => {
    let pkg: { scripts?: Record<string, unknown>; dependencies?: Record<string, unknown>; devDependencies?: Record<string, unknown> };
    try {
      pkg = JSON.parse(text);
    } catch {
      return;
    }
    for (const [name, script] of Object.entries(pkg.scripts ?? {})) {
      if (typeof script === 'string' && v.redTeamCommands.test(script)) {
        const line = lineIndex(text)(Math.max(0, text.indexOf(JSON.stringify(name))));
        ev.redTeam.commands.push({ file: rel, line, text: clip(`"${name}": "${script}"`) });
      }
    }
    declared.push({ deps: [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})], file: rel });
  };

  const readSource = (abs: string, rel: string, text: string): void => {
    const inLlm = input.llmModules.has(abs);
    const feedsPrompt = inLlm || input.promptModules.has(abs);
    const imports = importsOf(text);
    for (const imp of imports) {
      const sdk = v.observabilitySdks.find((s) => s.modules(imp.spec));
      if (sdk && (!sdk.requires || sdk.requires.test(text))) {
        ev.observability.imports.push({ file: rel, line: imp.line, text: imp.spec, sdk: sdk.name, module: imp.spec, global: sdk.global, inLlmModule: inLlm });
      }
      if (inLlm) {
        const logger = v.loggers.find((l) => l.modules(imp.spec) && (!l.names || imp.names.some((n) => l.names!.includes(n))));
        const local = /^[.~#@]\/|^\.\.?\//.test(imp.spec) && imp.names.some((n) => v.localLoggerNames.test(n));
        if (logger || local) ev.observability.loggers.push({ file: rel, line: imp.line, text: imp.spec, module: imp.spec });
      }
      if (feedsPrompt && v.redactionModules(imp.spec)) sawRedaction({ file: rel, line: imp.line, text: `import ${imp.spec}`, inLlmModule: inLlm });
    }
    for (const sdk of v.observabilitySdks) {
      for (const host of sdk.hosts) {
        const at = text.indexOf(host);
        if (at !== -1) ev.observability.hosts.push({ file: rel, line: lineIndex(text)(at), text: host, sdk: sdk.name, inLlmModule: inLlm });
      }
    }
    if (feedsPrompt) {
      const lineAt = lineIndex(text);
      for (const m of text.matchAll(/(?<![\w$])(?:(function\s+)|\.)?([A-Za-z_$][\w$]*)\s*\(/g)) {
        if (m[1] || !v.redactionCallees.test(m[2]!)) continue; // a declaration is not a call
        sawRedaction({ file: rel, line: lineAt(m.index!), text: `${m[2]}()`, inLlmModule: inLlm });
      }
    }
  };

  const walk = (dir: string, relDir: string): void => {
    let list: fs.Dirent[];
    try {
      list = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of list) {
      if (++entries > limits.maxEntries) {
        ev.stats.truncated = true;
        return;
      }
      const abs = path.join(dir, entry.name);
      const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(abs, rel);
      } else if (entry.isFile()) {
        let size: number;
        try {
          size = fs.statSync(abs).size;
        } catch {
          continue;
        }
        visitFile(abs, rel, size);
      }
    }
  };

  let rootIsDir = false;
  try {
    rootIsDir = fs.statSync(root).isDirectory();
  } catch {
    // an unreadable root: nothing found, nothing claimed
  }
  if (rootIsDir) walk(root, '');

  // Observability SDKs declared in a package.json but never imported.
  const imported = new Set(ev.observability.imports.map((i) => i.sdk));
  for (const { deps, file } of declared) {
    for (const dep of deps) {
      const sdk = v.observabilitySdks.find((s) => s.modules(dep) && !s.requires);
      if (sdk && !imported.has(sdk.name)) ev.observability.declared.push({ file, line: 1, text: dep, sdk: sdk.name, module: dep });
    }
  }
  return ev;
}
