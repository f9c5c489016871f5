// A large scan uses both cores. Worker threads start first, so that loading the bundle and the rules overlaps
// with this thread reading and pre-filtering the files. The candidate files are then grouped into
// import-connected components (analysis never crosses one), and every thread — this one included — claims
// components, largest first, from a shared counter until none is left: the threads stay busy to the end
// whatever a component costs. Each component is analysed by its own interpreter, so the result does not
// depend on which thread took it. Workers run scan-worker.js, which sits next to this module in out/ and dist/.
import * as os from 'os';
import * as fs from 'fs';
import { Worker } from 'worker_threads';
import { Workspace } from './workspace';
import * as path from 'path';
import { analyseFiles, nextMiddlewareGuards, selectCandidates, IMPORT_SPEC, type AnalysisOutput, type ScanOptions } from './scan';
import { collectFiles, DEFAULT_MAX_FILE_BYTES } from './files';
import { loadKnowledge } from './knowledge/models';
import { sortInventory } from './analysis/inventory';
import type { Knowledge } from './knowledge/models';
import type { Finding, Inventory, ScanResult, SkippedFile } from './types';

/** Below this many candidate files a second thread costs more (start-up, shared imports) than it saves. */
export const MIN_PARALLEL_CANDIDATES = 400;

/** What a worker is started with. */
export interface WorkerInput {
  knowledge?: Knowledge;
}

/** The work of one parallel scan, shared by all its threads. */
export interface ParallelJob {
  root: string;
  /** Import-connected components of the candidate files, largest first. */
  components: string[][];
  candidates: string[];
  /** Int32Array over it: [0] is the next component to claim. */
  claims: SharedArrayBuffer;
  perFileBudgetMs?: number;
}

/** A worker's answer. */
export type WorkerResult = { ok: true; outputs: ComponentOutput[] } | { ok: false; error: string };

export interface ComponentOutput {
  component: number;
  output: AnalysisOutput;
}

const WORKER_SCRIPT = path.join(__dirname, 'scan-worker.js');

/**
 * Threads for a scan: PROMPTWARD_WORKERS if set, else one per core (at most 8). Scans with fewer than
 * MIN_PARALLEL_CANDIDATES candidate files stay on one thread whatever this says. On 2 cores, 2 threads beat 1
 * only because the CLI turns off V8's inlining (see cli/main.ts): bench/ corpus 5.67 s against 6.28 s.
 */
export function defaultWorkers(): number {
  if (!fs.existsSync(WORKER_SCRIPT)) return 1;
  const configured = Number(process.env['PROMPTWARD_WORKERS']);
  if (Number.isInteger(configured) && configured > 0) return Math.min(configured, 8);
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(cores, 8));
}

/** Candidate files as import-connected components, largest (in bytes) first. */
export function components(ws: Workspace, candidates: string[], texts: ReadonlyMap<string, string>): string[][] {
  const index = new Map(candidates.map((f, i) => [f, i]));
  const parent = candidates.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const textOf = (file: string) => texts.get(file) ?? ws.readText(file) ?? '';
  candidates.forEach((file, i) => {
    for (const m of textOf(file).matchAll(IMPORT_SPEC)) {
      const target = ws.resolveImport(m[1], file);
      const j = target === undefined ? undefined : index.get(target);
      if (j !== undefined) parent[find(i)] = find(j);
    }
  });
  const byRoot = new Map<number, { files: string[]; size: number }>();
  candidates.forEach((file, i) => {
    const c = byRoot.get(find(i)) ?? { files: [], size: 0 };
    c.files.push(file);
    c.size += textOf(file).length;
    byRoot.set(find(i), c);
  });
  // Stable: equal sizes keep the order of their first file.
  return [...byRoot.values()].sort((a, b) => b.size - a.size).map((c) => c.files);
}

/**
 * Claims components of the job until none is left and analyses each with its own interpreter. The thread's
 * workspace is shared by its components: a module they import in common is parsed once.
 */
export function analyseClaimedComponents(job: ParallelJob, knowledge: Knowledge, ws = new Workspace(job.root)): ComponentOutput[] {
  const claims = new Int32Array(job.claims);
  const candidates = new Set(job.candidates);
  const nextGuards = nextMiddlewareGuards(job.root, job.candidates, ws, knowledge, job.perFileBudgetMs);
  const outputs: ComponentOutput[] = [];
  for (let c = Atomics.add(claims, 0, 1); c < job.components.length; c = Atomics.add(claims, 0, 1)) {
    const output = analyseFiles(job.root, job.components[c], { knowledge, perFileBudgetMs: job.perFileBudgetMs, preselected: true, partOf: { candidates, nextGuards } }, ws);
    outputs.push({ component: c, output });
  }
  return outputs;
}

function mergeInventory(parts: Inventory[]): Inventory {
  const key = (l: { file: string; startOffset: number }) => `${l.file}:${l.startOffset}`;
  const uniq = <T>(xs: T[], k: (x: T) => string) => [...new Map(xs.map((x) => [k(x), x])).values()];
  return sortInventory({
    calls: uniq(parts.flatMap((p) => p.calls), (c) => key(c.location)),
    entryPoints: uniq(parts.flatMap((p) => p.entryPoints), (e) => key(e.location)),
    promptFlows: uniq(parts.flatMap((p) => p.promptFlows), (f) => `${key(f.source)}>${key(f.sink)}:${f.sourceKind}`),
    outputFlows: uniq(parts.flatMap((p) => p.outputFlows), (f) => `${key(f.source)}>${key(f.sink)}:${f.sinkKind}`),
    tools: uniq(parts.flatMap((p) => p.tools), (t) => key(t.location)),
  });
}

function mergeFindings(parts: Finding[][]): Finding[] {
  const byKey = new Map<string, Finding>();
  for (const f of parts.flat()) byKey.set(`${f.ruleId}:${f.location.file}:${f.location.startOffset}`, f);
  return [...byKey.values()].sort(
    (a, b) =>
      (a.location.file < b.location.file ? -1 : a.location.file > b.location.file ? 1 : 0) ||
      a.location.startOffset - b.location.startOffset ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}

/** The outputs of all components, in component order (whichever thread analysed them), as one. */
function mergeOutputs(parts: ComponentOutput[]): AnalysisOutput {
  const outputs = [...parts].sort((a, b) => a.component - b.component).map((p) => p.output);
  const skipped: SkippedFile[] = outputs.flatMap((o) => o.skipped);
  return {
    findings: mergeFindings(outputs.map((o) => o.findings)),
    inventory: mergeInventory(outputs.map((o) => o.inventory)),
    skipped: [...new Map(skipped.map((s) => [`${s.file}:${s.reason}`, s])).values()],
    analysed: outputs.reduce((n, o) => n + o.analysed, 0),
  };
}

/** The V8 stack limit of the main thread (its default --stack-size, in KB). */
const MAIN_STACK_KB = 984;
/** Node keeps this much of a worker's stack free below V8's limit. */
const WORKER_STACK_RESERVE_KB = 192;

/** A started worker, waiting for its job. */
interface PendingWorker {
  run(job: ParallelJob): Promise<ComponentOutput[]>;
  cancel(): void;
}

function startWorker(input: WorkerInput): PendingWorker {
  // The same stack depth as this thread: deep recursion fails (and is reported) alike on every thread.
  const stackSizeMb = (MAIN_STACK_KB + WORKER_STACK_RESERVE_KB) / 1024;
  const worker = new Worker(WORKER_SCRIPT, { workerData: input, resourceLimits: { stackSizeMb } });
  const result = new Promise<ComponentOutput[]>((resolve, reject) => {
    worker.once('message', (m: WorkerResult) => (m.ok ? resolve(m.outputs) : reject(new Error(m.error))));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`analysis worker exited with code ${code}`)));
  });
  result.catch(() => undefined); // awaited only when the job runs
  return {
    run: (job) => (worker.postMessage(job), result),
    cancel: () => void worker.terminate(),
  };
}

/**
 * Analyses the files with `workers` threads when there are enough candidates, else on this thread.
 * The result is the same as analyseFiles' (findings sorted, inventory merged).
 */
export async function analyseInParallel(root: string, files: string[], knowledge: Knowledge, options: ScanOptions, workers: number): Promise<AnalysisOutput> {
  const minCandidates = options.minParallelCandidates ?? MIN_PARALLEL_CANDIDATES;
  // Started before the files are read (most of a worker's start-up runs meanwhile); cancelled if too few are candidates.
  const pool = workers >= 2 && files.length >= minCandidates ? Array.from({ length: workers - 1 }, () => startWorker({ knowledge: options.knowledge })) : [];
  const ws = new Workspace(root);
  const { candidates, skipped, texts } = selectCandidates(root, files, ws, knowledge, options);
  if (pool.length === 0 || candidates.length < minCandidates) {
    for (const w of pool) w.cancel();
    const out = analyseFiles(root, candidates, { ...options, knowledge, preselected: true }, ws);
    return { ...out, skipped: [...skipped, ...out.skipped] };
  }
  const job: ParallelJob = { root, components: components(ws, candidates, texts), candidates, claims: new SharedArrayBuffer(4), perFileBudgetMs: options.perFileBudgetMs };
  options.onProgress?.({ phase: `analysing on ${pool.length + 1} threads`, done: 0, total: candidates.length });
  const pending = pool.map((w) => w.run(job));
  const mine = analyseClaimedComponents(job, knowledge, ws);
  const out = mergeOutputs([...mine, ...(await Promise.all(pending)).flat()]);
  options.onProgress?.({ phase: 'done', done: candidates.length, total: candidates.length });
  return { ...out, skipped: [...skipped, ...out.skipped] };
}

/** Scans files and folders: the one entry point of the CLI, the language server's workspace scan and the tests. */
export async function scan(paths: string[], options: ScanOptions = {}): Promise<ScanResult> {
  const started = Date.now();
  const cwd = options.cwd ?? process.cwd();
  const collected = collectFiles(paths.length ? paths : ['.'], cwd, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
  const files = options.exclude ? collected.files.filter((f) => !options.exclude!(f)) : collected.files;
  const skipped = collected.skipped;
  const explicitRoot = paths.length === 1 ? path.resolve(cwd, paths[0]) : undefined;
  const root = explicitRoot && !/\.[cm]?[jt]sx?$/.test(explicitRoot) ? explicitRoot : commonRoot(files, cwd);
  const knowledge = options.knowledge ?? loadKnowledge();
  const result = await analyseInParallel(root, files, knowledge, options, options.workers ?? defaultWorkers());
  return {
    root,
    findings: result.findings,
    inventory: result.inventory,
    skipped: [...skipped, ...result.skipped],
    stats: { filesScanned: files.length, filesAnalysed: result.analysed, filesSkipped: skipped.length + result.skipped.length, durationMs: Date.now() - started },
  };
}

function commonRoot(files: string[], fallback: string): string {
  if (files.length === 0) return fallback;
  let root = path.dirname(files[0]);
  for (const f of files) while (!f.startsWith(root + path.sep) && root !== path.dirname(root)) root = path.dirname(root);
  return root;
}
