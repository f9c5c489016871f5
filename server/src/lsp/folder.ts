// One workspace folder in the language server: its analysis session, its configuration, and the scheduling of
// analysis runs. Changes are debounced; a run re-analyses what the changed files affect; results for a document
// whose version moved on during the run are not published (the newer version is already scheduled). A
// whole-folder scan runs component by component, yielding to the event loop between them so that edits are
// served first. The folder's editor settings (enable, run, rules, exclude) decide what runs and what is shown;
// nothing is analysed before they are known.
import type { ReportFinding } from '../config';
import { AnalysisSession, type RunResult } from '../core/session';
import { buildThreatModel, type ThreatModel, type ThreatModelFinding } from '../core/threat-model';
import type { ScanResult } from '../core/types';
import { loadFolderConfig, present, withEditorSettings, type FolderConfig, type Presented } from './config';
import { DEFAULT_EDITOR_SETTINGS, type ResolvedEditorSettings } from './settings';

export interface Settings {
  debounceMs: number;
  maxFileBytes: number;
  perFileBudgetMs: number;
  wholeFolderMaxFiles: number;
  workspaceDiagnostics: boolean;
}

export interface FolderHost {
  readonly settings: Settings;
  /** The version of the open document for a file, or undefined when it is not open. */
  openVersion(file: string): number | undefined;
  /** Files whose shown findings changed, and whether each was an edited file of the run. */
  resultsChanged(folder: Folder, files: string[], edited: ReadonlySet<string>): void;
  /** Logs a message once per key. */
  logOnce(key: string, level: 'error' | 'warn' | 'info', message: string): void;
  /** A run finished (for tests and traces). */
  ranAnalysis?(folder: Folder, run: RunResult): void;
  /** The folder's findings or inventory changed: its threat model may have changed. */
  threatModelChanged?(folder: Folder): void;
}

export interface CancelToken {
  readonly isCancellationRequested: boolean;
}

export class Folder {
  session: AnalysisSession;
  /** The effective configuration: the config file, with the editor settings under it. */
  cfg: FolderConfig;
  /** The config file as read. */
  private fromFile: FolderConfig;
  /** The editor settings; undefined until the client answered (nothing is analysed before: see whenReady). */
  private editor: ResolvedEditorSettings | undefined;
  private readyWaiters: (() => void)[] = [];
  private readonly dirty = new Set<string>();
  /** run: onSave — open documents with edits the session has not been given yet (it gets them on save). */
  private readonly awaitingSave = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private waiters: (() => void)[] = [];
  private readonly shown = new Map<string, Presented & { signature: string }>();
  private readonly signatures = new Map<string, string>();
  private readonly resultIds = new Map<string, number>();
  private generation = 0;
  private scanning: Promise<void> | undefined;
  /** For each open file: the document version its findings were computed from. */
  readonly analysedVersions = new Map<string, number>();

  /** `editor`: the folder's editor settings when known; otherwise the folder waits for applyEditorSettings. */
  constructor(readonly root: string, readonly uri: string, private readonly host: FolderHost, readonly loose = false, editor?: ResolvedEditorSettings) {
    this.fromFile = this.readConfigFile();
    this.editor = editor;
    this.cfg = withEditorSettings(this.fromFile, root, editor ?? DEFAULT_EDITOR_SETTINGS);
    this.session = this.newSession();
  }

  private readConfigFile(): FolderConfig {
    // Files outside every workspace folder take the rule levels of a config above them, not its file filters.
    return this.loose ? { config: loadFolderConfig(this.root).config } : loadFolderConfig(this.root);
  }

  private newSession(): AnalysisSession {
    const s = this.host.settings;
    return new AnalysisSession(this.root, {
      maxFileBytes: s.maxFileBytes,
      perFileBudgetMs: s.perFileBudgetMs,
      wholeFolderMaxFiles: s.wholeFolderMaxFiles,
      knowledge: this.cfg.knowledge,
      exclude: this.cfg.exclude,
      filesOnly: this.loose,
    });
  }

  /** The editor settings are known (or their deadline passed): analysis may start. */
  get ready(): boolean {
    return this.editor !== undefined;
  }

  /** False when the editor settings turn Promptward off for the folder (`promptward.enable: false`). */
  get enabled(): boolean {
    return this.editor?.enable ?? true;
  }

  /** `promptward.codeLens`: a lens above each LLM call (off by default). */
  get showsCodeLens(): boolean {
    return this.editor?.codeLens ?? false;
  }

  get runsOnSave(): boolean {
    return this.editor?.run === 'onSave';
  }

  /** Excluded by the config file or the editor settings: not analysed, no findings shown. */
  isExcluded(file: string): boolean {
    return this.cfg.exclude?.(file) ?? false;
  }

  /** Would a change of this file be analysed? */
  analyses(file: string): boolean {
    return this.ready && this.enabled && !this.isExcluded(file);
  }

  /** Resolves once the editor settings are known. */
  whenReady(): Promise<void> {
    if (this.ready) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** Reads the configuration file again; starts a new session with the open documents' text. */
  reloadConfig(openTexts: ReadonlyMap<string, string>): void {
    this.fromFile = this.readConfigFile();
    this.rebuild(openTexts);
    this.host.threatModelChanged?.(this);
  }

  /**
   * The editor settings of the folder, first or changed. The first ones start the analysis; a change re-applies
   * like a config file change. Returns whether anything changed.
   */
  applyEditorSettings(editor: ResolvedEditorSettings, openTexts: ReadonlyMap<string, string>): boolean {
    const first = this.editor === undefined;
    if (!first && this.editor!.key === editor.key) return false;
    this.editor = editor;
    this.rebuild(openTexts);
    if (!first) this.host.threatModelChanged?.(this);
    const waiters = this.readyWaiters;
    this.readyWaiters = [];
    for (const w of waiters) w();
    return true;
  }

  /** A new session under the current configuration, holding the open documents' (unsaved) text. */
  private rebuild(openTexts: ReadonlyMap<string, string>): void {
    this.cfg = withEditorSettings(this.fromFile, this.root, this.editor ?? DEFAULT_EDITOR_SETTINGS);
    this.session = this.newSession();
    this.shown.clear();
    this.signatures.clear();
    this.analysedVersions.clear();
    this.awaitingSave.clear();
    if (!this.ready) return; // the open texts are handed over again with the settings
    if (!this.enabled) {
      this.cancelPending();
      return;
    }
    for (const [file, text] of openTexts) if (!this.isExcluded(file)) this.session.setDocument(file, text);
    for (const file of openTexts.keys()) this.schedule(file, 0);
  }

  /** Drops the changes waiting to be analysed (the folder was disabled); whoever waits for them is woken. */
  private cancelPending(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.dirty.clear();
    this.wake();
  }

  setDocument(file: string, text: string | undefined): void {
    this.shown.delete(file);
    this.awaitingSave.delete(file);
    if (text === undefined) this.analysedVersions.delete(file);
    // Before the settings, while disabled and for excluded files the session is not told: the server keeps the
    // text of open documents and hands it over on the next rebuild.
    if (!this.analyses(file)) return;
    this.session.setDocument(file, text);
  }

  /**
   * An open document was opened (analysed at once) or edited: analysed after the debounce, or for run: onSave
   * when it is saved. Until then the session keeps the text it last analysed, so that nothing else (a pull, a
   * run for another file) analyses the unsaved edit, and the last results stay consistent with their text.
   */
  documentChanged(file: string, text: string, opened: boolean): void {
    if (!opened && this.runsOnSave && this.analyses(file)) {
      this.awaitingSave.add(file);
      return;
    }
    this.setDocument(file, text);
    this.schedule(file, opened ? 0 : undefined);
  }

  /** An open document was saved: for run: onSave, analyse its text now. Returns whether a run was scheduled. */
  documentSaved(file: string, text: string): boolean {
    if (!this.runsOnSave || !this.analyses(file)) return false;
    if (!this.awaitingSave.has(file) && this.session.isFresh(file)) return false;
    this.setDocument(file, text);
    this.schedule(file, 0);
    return true;
  }

  /** run: onSave — the document has edits the session has not seen: they are analysed when it is saved. */
  awaitsSave(file: string): boolean {
    return this.awaitingSave.has(file);
  }

  schedule(file: string, delay = this.host.settings.debounceMs): void {
    if (this.ready && !this.analyses(file)) return;
    this.dirty.add(file);
    if (!this.ready) return; // runs once the settings are known
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.runNow();
    }, delay);
  }

  isPending(file: string): boolean {
    return this.dirty.has(file);
  }

  /** Resolves when no change is waiting to be analysed. */
  settled(): Promise<void> {
    if (this.dirty.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Analyses what the pending changes affect, now. */
  runNow(): RunResult | undefined {
    if (!this.ready) return undefined; // not with settings that may be wrong
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.dirty.size === 0) return this.wake();
    const edited = new Set(this.dirty);
    this.dirty.clear();
    let run: RunResult;
    try {
      run = this.session.analyse([...edited]);
    } catch (err) {
      // The session itself failed (not one file's analysis): log, keep serving, keep the previous results.
      this.host.logOnce(`session:${(err as Error).message}`, 'error', `Promptward: analysis of ${this.root} failed: ${(err as Error).stack ?? err}`);
      this.wake();
      return undefined;
    }
    this.recordVersions(run.analysed);
    this.afterRun(run, edited);
    this.wake();
    return run;
  }

  private recordVersions(files: readonly string[]): void {
    for (const file of files) {
      // run: onSave — the session analysed the saved text, not the open document's version.
      if (this.awaitingSave.has(file)) continue;
      const v = this.host.openVersion(file);
      if (v !== undefined) this.analysedVersions.set(file, v);
    }
  }

  private wake(): undefined {
    if (this.dirty.size > 0) return undefined;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
    return undefined;
  }

  private afterRun(run: RunResult, edited: ReadonlySet<string>): void {
    this.host.ranAnalysis?.(this, run);
    for (const f of run.failed) this.host.logOnce(`failed:${f.file}:${f.reason}`, 'error', `Promptward: ${f.file}: ${f.reason}; no findings are shown for it.`);
    for (const note of run.notes) this.host.logOnce(`note:${note}`, 'warn', `Promptward: ${note}`);
    for (const file of edited) {
      if (this.session.isTooLarge(file)) this.host.logOnce(`large:${file}`, 'warn', `Promptward: ${file} is larger than ${Math.round(this.session.maxFileBytes / 1024)} KB; it is not analysed.`);
    }
    const candidates = new Set([...run.changed, ...edited, ...run.failed.map((f) => f.file)]);
    const changed: string[] = [];
    let differs = run.inventoryChanged;
    for (const file of candidates) {
      const before = this.signatures.get(file);
      this.shown.delete(file);
      const same = this.presented(file).signature === before;
      differs ||= !same;
      // An edited document needs its results for the new version even when they look the same.
      if (!same || edited.has(file)) changed.push(file);
    }
    if (changed.length) this.host.resultsChanged(this, changed, edited);
    if (differs) this.host.threatModelChanged?.(this);
  }

  /** What the editor shows for a file (cached until its findings or text change). */
  presented(file: string): Presented & { signature: string } {
    const cached = this.shown.get(file);
    if (cached) return cached;
    // A disabled folder and an excluded file show nothing (not even suppression-comment problems).
    const shows = this.enabled && !this.isExcluded(file);
    const findings = shows ? this.session.findingsFor(file) : [];
    const p = !shows || (findings.length === 0 && !this.session.readText(file)?.includes('promptward-ignore'))
      ? { shown: [] as ReportFinding[], suppressed: 0, marked: [] as ReportFinding[] }
      : present(findings, file, this.session.readText(file), this.cfg);
    const signature = p.shown.map((f) => `${f.ruleId}:${f.severity}:${f.location.startOffset}:${f.location.endOffset}:${f.fingerprint}:${f.message}:${f.path.map((s) => `${s.location.file}@${s.location.startOffset}`).join(',')}`).join('|');
    const entry = { ...p, signature };
    this.shown.set(file, entry);
    if (this.signatures.get(file) !== signature || !this.resultIds.has(file)) {
      this.signatures.set(file, signature);
      this.resultIds.set(file, ++this.generation);
    }
    return entry;
  }

  /** An id that changes whenever the shown findings of the file change. */
  resultId(file: string): string {
    this.presented(file);
    return `${this.resultIds.get(file) ?? 0}`;
  }

  /** Analyses every file that has no fresh findings, one connected group at a time. */
  scanAll(token?: CancelToken, progress?: (done: number, total: number) => void): Promise<void> {
    if (this.scanning) return this.scanning;
    this.scanning = (async () => {
      try {
        await this.whenReady();
        if (!this.enabled) return;
        if (this.dirty.size) this.runNow(); // pending edits first: what follows sees the current text
        const groups = this.session.staleComponents();
        const total = groups.reduce((n, g) => n + g.length, 0);
        let done = 0;
        progress?.(0, total);
        for (const group of groups) {
          if (token?.isCancellationRequested || !this.enabled) return; // disabled meanwhile: nothing to show
          if (this.dirty.size) this.runNow(); // the user's edits first
          if (group.every((f) => this.session.isFresh(f))) {
            done += group.length;
            continue;
          }
          let run: RunResult;
          try {
            run = this.session.analyse([], group);
          } catch (err) {
            this.host.logOnce(`session:${(err as Error).message}`, 'error', `Promptward: analysis of ${this.root} failed: ${(err as Error).stack ?? err}`);
            continue;
          }
          this.recordVersions(run.analysed);
          this.afterRun(run, new Set());
          done += group.length;
          progress?.(done, total);
          await new Promise((resolve) => setImmediate(resolve));
        }
      } finally {
        this.scanning = undefined;
      }
    })();
    return this.scanning;
  }

  /**
   * The folder's threat model: every file analysed first (as for a workspace scan), then the findings after the
   * configuration and suppression comments, and the inventory, of the editor's current text.
   */
  async threatModel(token?: CancelToken): Promise<ThreatModel | undefined> {
    await this.scanAll(token);
    if (token?.isCancellationRequested) return undefined;
    const findings: ThreatModelFinding[] = [];
    for (const file of this.filesWithResults()) {
      for (const f of this.presented(file).marked) findings.push(f.suppressed ? { ...f, suppressed: { justification: f.suppressed.justification } } : f);
    }
    const summary = this.session.summary();
    const result: ScanResult = {
      root: this.root,
      findings: [],
      skipped: [],
      stats: { filesScanned: summary.files, filesAnalysed: summary.filesAnalysed, filesSkipped: this.session.tooLargeCount(), durationMs: 0 },
      inventory: this.session.inventory(),
    };
    return buildThreatModel(result, this.root, { findings });
  }

  /** Files with shown findings, plus those given (e.g. the ones a client holds results for). */
  filesWithResults(also: Iterable<string> = []): string[] {
    const out = new Set<string>(also);
    for (const file of this.session.allFindings().keys()) out.add(file);
    return [...out].sort();
  }
}
