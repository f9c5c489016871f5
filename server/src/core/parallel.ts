// A large scan uses both cores: the main thread reads and pre-filters the files, groups the candidate files
// into import-connected components (analysis never crosses a component), and worker threads analyse the
// groups. Workers run scan-worker.js, which sits next to this module both in out/ and in dist/.
import * as os from 'os';
import * as fs from 'fs';
import { Worker } from 'worker_threads';
import { Workspace } from './workspace';
import * as path from 'path';
import { analyseFiles, selectCandidates, IMPORT_SPEC, type AnalysisOutput, type ScanOptions } from './scan';
import { collectFiles, DEFAULT_MAX_FILE_BYTES } from './files';
import { loadKnowledge } from './knowledge/models';
import { isNextMiddlewareFile } from './analysis/entries';
import type { Knowledge } from './knowledge/models';
import type { Finding, Inventory, ScanResult, SkippedFile } from './types';

/** Below this many candidate files a second thread costs more (start-up, a second parse) than it saves. */
export const MIN_PARALLEL_CANDIDATES = 400;

export interface WorkerInput {
  root: string;
  files: string[];
  knowledge?: Knowledge;
  perFileBudgetMs?: number;
}

const WORKER_SCRIPT = path.join(__dirname, 'scan-worker.js');

/**
 * Threads for a scan: PROMPTWARD_WORKERS if set, else one per core from 4 cores up. On 2 cores one Node
 * thread already keeps both busy (garbage collection, compilation): bench/ measured 2 threads at 1.12x
 * the wall time of 1 on the 3,132-file corpus, so 2-core machines scan on one thread.
 */
export function defaultWorkers(): number {
  if (!fs.existsSync(WORKER_SCRIPT)) return 1;
  const configured = Number(process.env['PROMPTWARD_WORKERS']);
  if (Number.isInteger(configured) && configured > 0) return Math.min(configured, 8);
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return cores >= 4 ? Math.min(cores, 8) : 1;
}

/** Candidate files split into `n` groups of whole import-connected components, balanced by size. */
export function partition(ws: Workspace, root: string, candidates: string[], n: number): string[][] {
  const index = new Map(candidates.map((f, i) => [f, i]));
  const parent = candidates.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const middleware: string[] = [];
  candidates.forEach((file, i) => {
    if (isNextMiddlewareFile(file, root)) middleware.push(file);
    const text = ws.readText(file) ?? '';
    for (const m of text.matchAll(IMPORT_SPEC)) {
      const target = ws.resolveImport(m[1], file);
      const j = target === undefined ? undefined : index.get(target);
      if (j !== undefined) parent[find(i)] = find(j);
    }
  });
  const components = new Map<number, { files: string[]; size: number }>();
  candidates.forEach((file, i) => {
    if (middleware.includes(file)) return;
    const c = components.get(find(i)) ?? { files: [], size: 0 };
    c.files.push(file);
    c.size += (ws.readText(file) ?? '').length;
    components.set(find(i), c);
  });
  const groups = Array.from({ length: n }, () => ({ files: [...middleware], size: 0 }));
  for (const c of [...components.values()].sort((a, b) => b.size - a.size)) {
    const smallest = groups.reduce((a, b) => (b.size < a.size ? b : a));
    smallest.files.push(...c.files);
    smallest.size += c.size;
  }
  return groups.map((g) => g.files).filter((g) => g.length > middleware.length);
}

function mergeInventory(parts: Inventory[]): Inventory {
  const key = (l: { file: string; startOffset: number }) => `${l.file}:${l.startOffset}`;
  const uniq = <T>(xs: T[], k: (x: T) => string) => [...new Map(xs.map((x) => [k(x), x])).values()];
  return {
    calls: uniq(parts.flatMap((p) => p.calls), (c) => key(c.location)),
    entryPoints: uniq(parts.flatMap((p) => p.entryPoints), (e) => key(e.location)),
    promptFlows: uniq(parts.flatMap((p) => p.promptFlows), (f) => `${key(f.source)}>${key(f.sink)}:${f.sourceKind}`),
    outputFlows: uniq(parts.flatMap((p) => p.outputFlows), (f) => `${key(f.source)}>${key(f.sink)}:${f.sinkKind}`),
    tools: uniq(parts.flatMap((p) => p.tools), (t) => key(t.location)),
  };
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

function runWorker(input: WorkerInput): Promise<AnalysisOutput> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SCRIPT, { workerData: input });
    worker.once('message', (m: { ok: true; output: AnalysisOutput } | { ok: false; error: string }) => (m.ok ? resolve(m.output) : reject(new Error(m.error))));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`analysis worker exited with code ${code}`)));
  });
}

/**
 * Analyses the files with `workers` threads when there are enough candidates, else on this thread.
 * The result is the same as analyseFiles' (findings sorted, inventory merged).
 */
export async function analyseInParallel(root: string, files: string[], knowledge: Knowledge, options: ScanOptions, workers: number): Promise<AnalysisOutput> {
  const ws = new Workspace(root);
  const { candidates, skipped } = selectCandidates(root, files, ws, knowledge, options);
  if (workers < 2 || candidates.length < (options.minParallelCandidates ?? MIN_PARALLEL_CANDIDATES)) {
    const out = analyseFiles(root, candidates, { ...options, knowledge, preselected: true }, ws);
    return { ...out, skipped: [...skipped, ...out.skipped] };
  }
  const groups = partition(ws, root, candidates, workers);
  options.onProgress?.({ phase: `analysing on ${groups.length} threads`, done: 0, total: candidates.length });
  let done = 0;
  // This thread analyses the first group itself while the workers take the others.
  const [own, ...rest] = groups;
  const pending = rest.map((group) =>
    runWorker({ root, files: group, knowledge: options.knowledge, perFileBudgetMs: options.perFileBudgetMs }).then((out) => {
      done += group.length;
      options.onProgress?.({ phase: 'analysing', done, total: candidates.length });
      return out;
    }),
  );
  const mine = analyseFiles(root, own, { ...options, knowledge, preselected: true }, ws);
  done += own.length;
  const outputs = [mine, ...(await Promise.all(pending))];
  const moreSkipped: SkippedFile[] = outputs.flatMap((o) => o.skipped);
  return {
    findings: mergeFindings(outputs.map((o) => o.findings)),
    inventory: mergeInventory(outputs.map((o) => o.inventory)),
    skipped: [...skipped, ...new Map(moreSkipped.map((s) => [`${s.file}:${s.reason}`, s])).values()],
    analysed: outputs.reduce((n, o) => n + o.analysed, 0),
  };
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
