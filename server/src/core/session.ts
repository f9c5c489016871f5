// An analysis session for one folder, kept in memory for an editor: the folder's source files, unsaved text
// that wins over the disk, an import graph, and the findings of every analysed file. A change re-analyses the
// files connected to the changed one through imports (both directions, transitively): a finding in one file can
// depend on any file reachable from the entry points that reach it, e.g. a route handler passing request data
// through a helper module into an LLM call in a third module. Small folders are analysed whole.
// No editor or protocol types here: the language server and the tests drive it.
import { collectFiles, isSourceFile, DEFAULT_MAX_FILE_BYTES } from './files';
import { analyseFiles, type ScanOptions } from './scan';
import { Workspace } from './workspace';
import { isConventionEntryFile, isNextMiddlewareFile } from './analysis/entries';
import type { Knowledge } from './knowledge/models';
import type { Finding, Inventory, RuleId, Severity } from './types';

export interface SessionOptions {
  maxFileBytes?: number;
  /** Passed to the analysis: milliseconds per analysed file before the rest of a run is skipped. */
  perFileBudgetMs?: number;
  knowledge?: Knowledge;
  exclude?: (file: string) => boolean;
  /** Folders with at most this many source files are analysed whole on every change. */
  wholeFolderMaxFiles?: number;
  /** Do not walk the folder: only the files given to `setDocument` (loose files outside any workspace folder). */
  filesOnly?: boolean;
}

export interface RunResult {
  /** The files whose analysis was run (before the analysis's own candidate filter). */
  analysed: string[];
  /** Files whose findings differ from before the run. */
  changed: string[];
  /** Whether what the analysis saw besides findings (calls, entry points, flows, tools) changed. */
  inventoryChanged: boolean;
  /** Files whose analysis failed (they now have no findings), with the reason. */
  failed: { file: string; reason: string }[];
  /** Other notes from the analysis (time budget exceeded, unreadable files). */
  notes: string[];
  durationMs: number;
}

export interface FindingsSummary {
  root: string;
  files: number;
  filesAnalysed: number;
  filesWithFindings: number;
  total: number;
  bySeverity: Record<Severity, number>;
  byRule: Partial<Record<RuleId, { total: number } & Record<Severity, number>>>;
}

const IMPORT_SPEC = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"\n]+)['"]/gm;

export const DEFAULT_WHOLE_FOLDER_MAX_FILES = 40;

export class AnalysisSession {
  private ws: Workspace;
  private readonly files = new Set<string>();
  private readonly overlays = new Map<string, string>();
  private readonly imports = new Map<string, Set<string>>();
  private readonly importers = new Map<string, Set<string>>();
  private readonly findings = new Map<string, Finding[]>();
  /** What the analysis saw in each file besides findings, keyed by the file of the call, entry point, tool or sink. */
  private readonly inventories = new Map<string, { inventory: Inventory; signature: string }>();
  private readonly fresh = new Set<string>();
  private readonly tooLarge = new Set<string>();
  private loaded = false;
  private workspaceStale = false;
  private readonly pendingInvalidation = new Set<string>();
  /** Files that are Next.js/Workers convention entry points (see withMiddleware). */
  private readonly entryFiles = new Set<string>();

  constructor(readonly root: string, private readonly options: SessionOptions = {}) {
    this.ws = new Workspace(root);
  }

  get maxFileBytes(): number {
    return this.options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  }

  /** Collects the folder's source files and their imports. Called lazily by everything else. */
  load(): void {
    if (this.loaded) return;
    this.loaded = true;
    if (!this.options.filesOnly) {
      const collected = collectFiles([this.root], this.root, this.maxFileBytes);
      for (const file of collected.files) if (!this.options.exclude?.(file)) this.files.add(file);
      for (const s of collected.skipped) if (/larger than/.test(s.reason)) this.tooLarge.add(s.file);
    }
    for (const file of this.overlays.keys()) this.files.add(file);
    for (const file of this.files) this.updateEdges(file);
  }

  /** The source files of the session. */
  fileList(): string[] {
    this.load();
    return [...this.files].sort();
  }

  has(file: string): boolean {
    this.load();
    return this.files.has(file);
  }

  /** Current text: the editor's unsaved text, else the disk. */
  readText(file: string): string | undefined {
    return this.overlays.get(file) ?? this.ws.readText(file);
  }

  /** Unsaved text of an open document (undefined when closed: the disk applies again). */
  setDocument(file: string, text: string | undefined): void {
    this.load();
    this.refresh();
    if (text === undefined) {
      this.overlays.delete(file);
      this.tooLarge.delete(file);
      this.ws.setOverlay(file, undefined);
    } else {
      this.overlays.set(file, text);
      if (text.length > this.maxFileBytes) {
        // Too large to analyse: other files that import it see an empty module.
        this.tooLarge.add(file);
        this.ws.setOverlay(file, '');
      } else {
        this.tooLarge.delete(file);
        this.ws.setOverlay(file, text);
      }
      this.files.add(file);
    }
    // The files connected before the edit and after it (an import may have been added or removed).
    this.invalidate(file);
    this.updateEdges(file);
    this.invalidate(file);
  }

  /** How many of the folder's source files are too large to analyse. */
  tooLargeCount(): number {
    this.load();
    return this.tooLarge.size;
  }

  isTooLarge(file: string): boolean {
    return this.tooLarge.has(file);
  }

  /**
   * A file changed on disk (created, changed or deleted). Open documents keep their unsaved text. A created or
   * deleted file can change how any import resolves: the workspace and the import graph are rebuilt once, when
   * next needed, however many files a checkout touched.
   */
  fileChanged(file: string, kind: 'created' | 'changed' | 'deleted'): void {
    this.load();
    if (kind === 'changed') {
      this.refresh();
      if (!this.overlays.has(file)) this.ws.setOverlay(file, undefined);
      if (!this.files.has(file)) return;
      this.invalidate(file);
      this.updateEdges(file);
      this.invalidate(file);
      return;
    }
    for (const n of this.neighbours(file)) this.pendingInvalidation.add(n);
    if (kind === 'deleted' && !this.overlays.has(file)) {
      this.files.delete(file);
      this.findings.delete(file);
      this.inventories.delete(file);
      this.fresh.delete(file);
      this.removeEdges(file);
    } else if (kind === 'created' && isSourceFile(file) && !this.options.filesOnly && !this.options.exclude?.(file)) {
      this.files.add(file);
    }
    this.pendingInvalidation.add(file);
    this.workspaceStale = true;
  }

  /** Rebuilds the workspace and the import graph after files were created or deleted. */
  private refresh(): void {
    if (!this.workspaceStale) return;
    this.workspaceStale = false;
    this.resetWorkspace();
    for (const f of this.files) this.updateEdges(f);
    for (const f of this.pendingInvalidation) {
      if (this.files.has(f)) this.invalidate(f);
      else this.fresh.delete(f);
    }
    this.pendingInvalidation.clear();
  }

  private resetWorkspace(): void {
    this.ws = new Workspace(this.root);
    for (const [file, text] of this.overlays) this.ws.setOverlay(file, this.tooLarge.has(file) ? '' : text);
  }

  private invalidate(file: string): void {
    for (const f of this.component([file])) this.fresh.delete(f);
  }

  private updateEdges(file: string): void {
    this.removeEdges(file);
    const text = this.tooLarge.has(file) ? undefined : this.readText(file);
    this.entryFiles.delete(file);
    if (text === undefined) return;
    if (isConventionEntryFile(file) || /['"]use server['"]/.test(text) || (/\bexport\s+default\b/.test(text) && /\bfetch\b/.test(text))) this.entryFiles.add(file);
    const targets = new Set<string>();
    for (const m of text.matchAll(IMPORT_SPEC)) {
      // Bare specifiers resolve only through a tsconfig's `paths`/`baseUrl` (the workspace answers quickly otherwise).
      const target = this.ws.resolveImport(m[1], file);
      if (target && target !== file) targets.add(target);
    }
    this.imports.set(file, targets);
    for (const t of targets) {
      let set = this.importers.get(t);
      if (!set) this.importers.set(t, (set = new Set()));
      set.add(file);
    }
  }

  private removeEdges(file: string): void {
    for (const t of this.imports.get(file) ?? []) this.importers.get(t)?.delete(file);
    this.imports.delete(file);
  }

  private neighbours(file: string): Set<string> {
    return new Set([...(this.imports.get(file) ?? []), ...(this.importers.get(file) ?? [])]);
  }

  /** Files connected to any of `start` through imports, in either direction (iterative: cycles are fine). */
  component(start: readonly string[]): Set<string> {
    this.load();
    this.refresh();
    const seen = new Set<string>();
    const queue: string[] = [];
    for (const s of start) if (this.files.has(s) && !seen.has(s)) seen.add(s), queue.push(s);
    while (queue.length) {
      const f = queue.pop()!;
      for (const n of this.neighbours(f)) {
        if (!seen.has(n) && this.files.has(n)) {
          seen.add(n);
          queue.push(n);
        }
      }
    }
    return seen;
  }

  /** The files a change to `changed` requires analysing again. */
  affected(changed: readonly string[]): string[] {
    this.load();
    const small = this.files.size <= (this.options.wholeFolderMaxFiles ?? DEFAULT_WHOLE_FOLDER_MAX_FILES);
    if (small) return this.fileList();
    return this.withMiddleware(this.component(changed));
  }

  /**
   * Middleware (Next.js, SvelteKit hooks, Astro) guards the convention entry points (route handlers, pages/api
   * handlers, server actions, SvelteKit/Astro endpoints, Remix actions,
   * `export default { fetch }` handlers) without being imported by them: a group with such an entry point is
   * analysed together with the middleware files and what they import.
   */
  private withMiddleware(set: Set<string>): string[] {
    if ([...set].some((f) => this.entryFiles.has(f))) {
      const middleware = [...this.files].filter((f) => isNextMiddlewareFile(f, this.root));
      if (middleware.length) for (const f of this.component(middleware)) set.add(f);
    }
    return [...set].sort();
  }

  /**
   * The files with no fresh findings, in groups to analyse one at a time (for a whole-folder scan): whole
   * connected components, small ones packed together up to about `batchFiles` files.
   */
  staleComponents(batchFiles = 200): string[][] {
    this.load();
    this.refresh();
    const small = this.files.size <= (this.options.wholeFolderMaxFiles ?? DEFAULT_WHOLE_FOLDER_MAX_FILES);
    if (small) return [...this.files].some((f) => !this.fresh.has(f)) ? [this.fileList()] : [];
    const batches: Set<string>[] = [];
    let current = new Set<string>();
    const done = new Set<string>();
    for (const f of this.fileList()) {
      if (this.fresh.has(f) || done.has(f)) continue;
      const component = this.component([f]);
      for (const g of component) done.add(g);
      for (const g of component) current.add(g);
      if (current.size >= batchFiles) {
        batches.push(current);
        current = new Set();
      }
    }
    if (current.size) batches.push(current);
    return batches.map((b) => this.withMiddleware(b));
  }

  isFresh(file: string): boolean {
    this.refresh();
    return this.fresh.has(file);
  }

  /** Re-analyses what `changed` affects (or exactly `files`, when given) and records the findings. */
  analyse(changed: readonly string[], files?: readonly string[]): RunResult {
    this.load();
    this.refresh();
    const started = performance.now();
    // Sorted: the analysis visits files in the same order as a CLI scan of the folder, whatever was edited.
    const set = (files ? [...files] : this.affected(changed.filter((f) => this.files.has(f)))).sort();
    const toAnalyse = set.filter((f) => !this.tooLarge.has(f));
    const options: ScanOptions = { maxFileBytes: this.maxFileBytes, perFileBudgetMs: this.options.perFileBudgetMs, knowledge: this.options.knowledge };
    const failed: { file: string; reason: string }[] = [];
    const notes: string[] = [];
    const byFile = new Map<string, Finding[]>();
    let inventory: Inventory | undefined;
    try {
      const out = analyseFiles(this.root, toAnalyse, options, this.ws);
      inventory = out.inventory;
      for (const f of out.findings) {
        const list = byFile.get(f.location.file) ?? [];
        list.push(f);
        byFile.set(f.location.file, list);
      }
      for (const s of out.skipped) {
        if (s.reason.startsWith('analysis failed')) {
          failed.push(s);
          byFile.set(s.file, []);
        } else if (!/^(generated|minified|binary) file$/.test(s.reason)) notes.push(`${s.file}: ${s.reason}`);
      }
    } catch (e) {
      // The analysis as a whole failed: the changed files get no findings; the others keep theirs.
      const reason = `analysis failed: ${(e as Error).message}`;
      let inventoryChanged = false;
      for (const f of changed.length ? changed : set) {
        failed.push({ file: f, reason });
        this.replace(f, [], []);
        inventoryChanged = this.replaceInventory(f, undefined) || inventoryChanged;
      }
      return { analysed: set, changed: [...(changed.length ? changed : set)], inventoryChanged, failed, notes, durationMs: performance.now() - started };
    }
    const changedFiles: string[] = [];
    for (const file of set) this.replace(file, byFile.get(file) ?? [], changedFiles);
    for (const file of this.tooLarge) if (set.includes(file)) this.replace(file, [], changedFiles);
    const inventories = inventoryByFile(inventory);
    let inventoryChanged = false;
    for (const file of set) inventoryChanged = this.replaceInventory(file, inventories.get(file)) || inventoryChanged;
    return { analysed: set, changed: changedFiles, inventoryChanged, failed, notes, durationMs: performance.now() - started };
  }

  /** Records a file's inventory; true when it differs from the one recorded before. */
  private replaceInventory(file: string, inventory: Inventory | undefined): boolean {
    const before = this.inventories.get(file)?.signature ?? '';
    const signature = inventory ? JSON.stringify(inventory) : '';
    if (inventory) this.inventories.set(file, { inventory, signature });
    else this.inventories.delete(file);
    return before !== signature;
  }

  /** What the analysis saw in one file besides findings (its calls, entry points and tools; flows into its sinks). */
  inventoryOf(file: string): Inventory | undefined {
    return this.inventories.get(file)?.inventory;
  }

  /** Everything the analysis saw besides findings, over all analysed files (fresh or not). */
  inventory(): Inventory {
    const all = emptyInventory();
    for (const file of [...this.inventories.keys()].sort()) {
      const inv = this.inventories.get(file)!.inventory;
      all.calls.push(...inv.calls);
      all.entryPoints.push(...inv.entryPoints);
      all.promptFlows.push(...inv.promptFlows);
      all.outputFlows.push(...inv.outputFlows);
      all.tools.push(...inv.tools);
    }
    return all;
  }

  private replace(file: string, list: Finding[], changed: string[]): void {
    const before = this.findings.get(file) ?? [];
    this.fresh.add(file);
    if (list.length === 0) this.findings.delete(file);
    else this.findings.set(file, list);
    if (!sameFindings(before, list)) changed.push(file);
  }

  findingsFor(file: string): Finding[] {
    return this.findings.get(file) ?? [];
  }

  /** All findings recorded so far (fresh or not), by file. */
  allFindings(): Map<string, Finding[]> {
    return this.findings;
  }

  summary(): FindingsSummary {
    this.load();
    const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    const byRule: FindingsSummary['byRule'] = {};
    let total = 0;
    for (const list of this.findings.values()) {
      for (const f of list) {
        total++;
        bySeverity[f.severity]++;
        const r = (byRule[f.ruleId] ??= { total: 0, error: 0, warning: 0, info: 0 });
        r.total++;
        r[f.severity]++;
      }
    }
    return { root: this.root, files: this.files.size, filesAnalysed: this.fresh.size, filesWithFindings: this.findings.size, total, bySeverity, byRule };
  }
}

function emptyInventory(): Inventory {
  return { calls: [], entryPoints: [], promptFlows: [], outputFlows: [], tools: [] };
}

/** Splits an analysis's inventory by the file each item belongs to: its location, or its sink for flows. */
function inventoryByFile(inventory: Inventory): Map<string, Inventory> {
  const out = new Map<string, Inventory>();
  const of = (file: string): Inventory => {
    let inv = out.get(file);
    if (!inv) out.set(file, (inv = emptyInventory()));
    return inv;
  };
  for (const c of inventory.calls) of(c.location.file).calls.push(c);
  for (const e of inventory.entryPoints) of(e.location.file).entryPoints.push(e);
  for (const f of inventory.promptFlows) of(f.sink.file).promptFlows.push(f);
  for (const f of inventory.outputFlows) of(f.sink.file).outputFlows.push(f);
  for (const t of inventory.tools) of(t.location.file).tools.push(t);
  return out;
}

function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((f, i) => {
    const g = b[i];
    return f.ruleId === g.ruleId && f.severity === g.severity && f.message === g.message && f.fingerprint === g.fingerprint &&
      f.location.startOffset === g.location.startOffset && f.location.endOffset === g.location.endOffset &&
      f.path.length === g.path.length && f.path.every((s, j) => s.label === g.path[j].label && s.location.file === g.path[j].location.file && s.location.startOffset === g.path[j].location.startOffset) &&
      f.fixes.length === g.fixes.length;
  });
}
