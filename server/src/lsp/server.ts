// The Promptward language server: findings as diagnostics (pushed, or pulled by clients that support it), the
// data-flow path as related information, quick fixes and a fix-all code action, hover, and a findings summary.
// Started by `promptward lsp --stdio` and by dist/server.js (--stdio, --node-ipc, --socket=N).
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import {
  CodeActionKind, CodeLensRefreshRequest, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, ErrorCodes, LSPErrorCodes, ResponseError, DocumentDiagnosticReportKind, FileChangeType, ProposedFeatures,
  TextDocumentSyncKind, TextDocuments, WorkDoneProgress, WorkspaceDiagnosticRequest, createConnection,
  type CancellationToken, type CodeAction, type CodeLens, type CodeActionParams, type ConfigurationItem, type Connection, type Diagnostic, type DocumentDiagnosticReport,
  type Hover, type InitializeParams, type InitializeResult, type WorkspaceDiagnosticReport, type WorkspaceDocumentDiagnosticReport,
  type WorkDoneProgressBegin, type WorkDoneProgressEnd, type WorkDoneProgressReport,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex, selectCompatible } from '../core/edits';
import { isSourceFile, DEFAULT_MAX_FILE_BYTES } from '../core/files';
import { fixesFor, ignoreFix } from '../core/quickfixes';
import { isMetaRule, type ReportFinding } from '../config';
import { TOOL_VERSION } from '../cli/tool-info';
import { CONFIG_FILE_NAMES, ruleMetaOf } from './config';
import { hoverMarkdown, toDiagnostic, toWorkspaceEdit, type EditTarget, type Texts } from './convert';
import { Folder, type FolderHost, type Settings } from './folder';
import { IdleCollector } from './memory';
import {
  FINDINGS_SUMMARY_REQUEST, FIX_ALL_KIND, SETTINGS_SECTION, SHOW_DOCUMENTATION_COMMAND, SOURCE, THREAT_MODEL_CHANGED_NOTIFICATION, THREAT_MODEL_REQUEST,
  type DiagnosticData, type FindingsSummaryParams, type FindingsSummaryResult, type FolderFindingsSummary, type InitializationOptions,
  type ThreatModelChangedParams, type ThreatModelParams, type ThreatModelResult,
} from './protocol';
import { renderThreatModel } from '../core/threat-model';
import { callLenses } from './code-lens';
import { DEFAULT_EDITOR_SETTINGS, resolveEditorSettings, showValue, type ResolvedEditorSettings } from './settings';


export const DEFAULT_SETTINGS: Settings = {
  debounceMs: 150,
  maxFileBytes: DEFAULT_MAX_FILE_BYTES,
  perFileBudgetMs: 200,
  wholeFolderMaxFiles: 40,
  workspaceDiagnostics: true,
};

/** How long a folder waits for the client's first answer to workspace/configuration before the defaults apply. */
const SETTINGS_DEADLINE_MS = 2000;

function toFile(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return path.resolve(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): void {
  const documents = new TextDocuments(TextDocument);
  const folders = new Map<string, Folder>();
  const loose = new Map<string, Folder>();
  const uriByFile = new Map<string, string>();
  const logged = new Set<string>();
  const configProblems = new Map<string, string>(); // folder root → config file URI with a published problem
  let settings: Settings = { ...DEFAULT_SETTINGS };
  let pull = false;
  let refreshSupport = false;
  let workspacePulled = false; // the client asked for workspace diagnostics: it holds results of files not open
  let codeLensRefreshSupport = false;
  let codeLensRefresh: NodeJS.Timeout | undefined;
  let documentChanges = false;
  let showDocument = false;
  let workDoneProgress = false;
  let workspaceFolders = false;
  let configurationSupport = false;
  let configurationChangeRegistration = false;
  /** Editor settings for every folder when the client cannot be asked (initializationOptions.settings). */
  let initialSettings: ResolvedEditorSettings = DEFAULT_EDITOR_SETTINGS;
  /** Editor settings of files outside every workspace folder; undefined until the client answered. */
  let looseSettings: ResolvedEditorSettings | undefined;
  let settingsAsked = 0; // workspace/configuration requests sent
  let settingsApplied = 0; // the newest request whose answer was applied
  /** Pull mode, run: onSave: saved files whose new results the client must be told to pull. */
  const savedAwaitingRefresh = new Set<string>();

  const memory = new IdleCollector();
  // Folders whose threat model a client asked for: they get change notifications, debounced per folder.
  const threatModelWatched = new Set<Folder>();
  const threatModelTimers = new Map<Folder, NodeJS.Timeout>();
  const host: FolderHost = {
    ranAnalysis() {
      memory.noteRun();
    },
    get settings() {
      return settings;
    },
    openVersion(file) {
      const uri = uriByFile.get(file);
      return uri ? documents.get(uri)?.version : undefined;
    },
    resultsChanged(folder, files, edited) {
      if (pull) {
        // The client pulls the edited documents itself; others need a refresh when the client holds their results
        // (an open document, or any file once it pulled workspace diagnostics), and so do saved ones (the client
        // pulled them before the save, and got the results of before the edit). A needless refresh costs a start-up:
        // VS Code cancels the pull of the file just opened and asks again.
        const saved = files.filter((f) => savedAwaitingRefresh.delete(f));
        const shownElsewhere = files.some((f) => !edited.has(f) && (workspacePulled || openDocument(f) !== undefined));
        if (refreshSupport && (saved.length > 0 || shownElsewhere)) void connection.languages.diagnostics.refresh();
        return;
      }
      for (const file of files) publish(folder, file);
    },
    threatModelChanged(folder) {
      if (folder.showsCodeLens) refreshCodeLenses();
      if (!threatModelWatched.has(folder) || threatModelTimers.has(folder)) return;
      threatModelTimers.set(folder, setTimeout(() => {
        threatModelTimers.delete(folder);
        if (folders.get(folder.root) !== folder) return;
        const params: ThreatModelChangedParams = { folder: folder.uri };
        void connection.sendNotification(THREAT_MODEL_CHANGED_NOTIFICATION, params);
      }, 500));
    },
    logOnce(key, level, message) {
      if (logged.has(key)) return;
      logged.add(key);
      if (logged.size > 10_000) logged.clear(); // bounded over long sessions
      if (level === 'error') connection.console.error(message);
      else if (level === 'warn') connection.console.warn(message);
      else connection.console.info(message);
    },
  };

  // ------------------------------------------------------------------ files, folders, texts

  function uriOf(file: string): string {
    return uriByFile.get(file) ?? pathToFileURL(file).href;
  }

  function openDocument(file: string): TextDocument | undefined {
    const uri = uriByFile.get(file);
    return uri ? documents.get(uri) : undefined;
  }

  function folderFor(file: string, create = true): Folder | undefined {
    let best: Folder | undefined;
    for (const f of folders.values()) {
      if ((file === f.root || file.startsWith(f.root + path.sep)) && (!best || f.root.length > best.root.length)) best = f;
    }
    if (best || !create) return best ?? loose.get(path.dirname(file));
    const dir = path.dirname(file);
    let l = loose.get(dir);
    if (!l) loose.set(dir, (l = new Folder(dir, pathToFileURL(dir).href, host, true, looseSettings)));
    return l;
  }

  const texts = (folder: Folder): Texts => ({
    uriOf,
    indexOf(file) {
      // run: onSave — an unsaved document's findings are of the text last analysed, not the editor's.
      const doc = folder.awaitsSave(file) ? undefined : openDocument(file);
      const text = doc ? doc.getText() : folder.session.readText(file);
      return text === undefined ? undefined : lineIndex(file, text);
    },
  });

  // One line index per file, rebuilt when the text changes.
  const indexes = new Map<string, LineIndex>();
  function lineIndex(file: string, text: string): LineIndex {
    const cached = indexes.get(file);
    if (cached && cached.text === text) return cached;
    const index = new LineIndex(text);
    indexes.set(file, index);
    if (indexes.size > 2000) indexes.clear();
    return index;
  }

  function addFolder(uri: string, initializing = false): void {
    const root = toFile(uri);
    if (!root || folders.has(root)) return;
    // With the configuration capability the folder waits for its settings (asked for once initialized, or now).
    const folder = new Folder(root, uri, host, false, configurationSupport ? undefined : initialSettings);
    folders.set(root, folder);
    if (!initializing) {
      publishConfigProblem(folder); // else once initialized
      if (configurationSupport) void requestSettings();
    }
    // Documents opened before the folder was known move to it.
    for (const [file, text] of openTexts(folder)) folder.documentChanged(file, text, true);
  }

  /** The open documents of a folder, with their (unsaved) text. */
  function openTexts(folder: Folder): Map<string, string> {
    const open = new Map<string, string>();
    for (const doc of documents.all()) {
      const file = toFile(doc.uri);
      if (file && isSourceFile(file) && folderFor(file, false) === folder) open.set(file, doc.getText());
    }
    return open;
  }

  // ------------------------------------------------------------------ editor settings

  /** Logs an ignored setting once (per setting and value). */
  function settingProblem(setting: string, value: unknown, message: string): void {
    const shown = showValue(value);
    host.logOnce(`setting:${setting}:${shown}`, 'warn', `Promptward: ignored the setting ${setting} = ${shown}: ${message}.`);
  }

  const resolveSettings = (raw: unknown): ResolvedEditorSettings => resolveEditorSettings(raw, settingProblem);

  /** Asks the client for the settings of every folder (and of files outside them) in one request, and applies them. */
  async function requestSettings(): Promise<void> {
    const asked = ++settingsAsked;
    const targets = [...folders.values()];
    // The last item, without a scope, is for files outside every workspace folder.
    const items: ConfigurationItem[] = [...targets.map((f) => ({ scopeUri: f.uri, section: SETTINGS_SECTION })), { section: SETTINGS_SECTION }];
    const deadline = setTimeout(settingsDeadlinePassed, SETTINGS_DEADLINE_MS);
    let answer: unknown;
    try {
      answer = await connection.workspace.getConfiguration(items);
    } catch (err) {
      host.logOnce(`settings-failed:${(err as Error).message}`, 'warn', `Promptward: workspace/configuration failed (${(err as Error).message}); the default settings apply.`);
    } finally {
      clearTimeout(deadline);
    }
    if (asked < settingsApplied) return; // a newer answer was applied already
    settingsApplied = asked;
    if (!Array.isArray(answer)) return settingsDeadlinePassed();
    targets.forEach((folder, i) => {
      if (folders.get(folder.root) === folder) applySettings(folder, resolveSettings(answer[i]));
    });
    setLooseSettings(resolveSettings(answer[targets.length]));
  }

  /** Folders still waiting for their settings start with the defaults (a later answer still applies). */
  function settingsDeadlinePassed(): void {
    const waiting = [...folders.values(), ...loose.values()].filter((f) => !f.ready);
    if (waiting.length > 0) {
      host.logOnce('settings-deadline', 'warn', `Promptward: no settings from the client (workspace/configuration) within ${SETTINGS_DEADLINE_MS / 1000} s; the default settings apply to ${waiting.map((f) => f.root).join(', ')} until it answers.`);
    }
    for (const folder of waiting) applySettings(folder, DEFAULT_EDITOR_SETTINGS);
    looseSettings ??= DEFAULT_EDITOR_SETTINGS;
  }

  function setLooseSettings(resolved: ResolvedEditorSettings): void {
    looseSettings = resolved;
    for (const folder of loose.values()) applySettings(folder, resolved);
  }

  /** Applies a folder's settings; a change re-analyses its open documents and updates what the client shows. */
  function applySettings(folder: Folder, resolved: ResolvedEditorSettings): void {
    const first = !folder.ready;
    if (folder.applyEditorSettings(resolved, openTexts(folder)) && !first) showReapplied(folder);
  }

  /** Settings without the configuration capability: `settings.promptward` of didChangeConfiguration, when sent. */
  function applyPushedSettings(settings: unknown): void {
    if (typeof settings !== 'object' || settings === null || !(SETTINGS_SECTION in settings)) return;
    initialSettings = resolveSettings((settings as Record<string, unknown>)[SETTINGS_SECTION]);
    for (const folder of folders.values()) applySettings(folder, initialSettings);
    setLooseSettings(initialSettings);
  }

  /**
   * After the configuration of a folder changed (its settings or its config file): pull clients are asked to pull
   * again once the open documents are re-analysed; push clients get empty diagnostics for the documents the folder
   * no longer analyses (the others are published when their run ends).
   */
  function showReapplied(folder: Folder): void {
    refreshCodeLenses(); // shown or hidden by the settings, or their inputs changed with the configuration
    if (pull) {
      if (refreshSupport) void folder.settled().then(() => connection.languages.diagnostics.refresh());
      return;
    }
    for (const file of openTexts(folder).keys()) {
      if (!folder.analyses(file)) void connection.sendDiagnostics({ uri: uriOf(file), diagnostics: [] });
    }
  }

  function publishConfigProblem(folder: Folder): void {
    const problem = folder.cfg.problem;
    const previous = configProblems.get(folder.root);
    const uri = problem?.file ? pathToFileURL(problem.file).href : undefined;
    if (previous && previous !== uri) void connection.sendDiagnostics({ uri: previous, diagnostics: [] });
    if (!problem) {
      configProblems.delete(folder.root);
      return;
    }
    const message = `Promptward configuration: ${problem.message}${problem.file ? '' : ` (${folder.root})`}; the defaults apply until it is fixed.`;
    host.logOnce(`config:${folder.root}:${problem.file}:${problem.line}:${problem.column}:${problem.message}`, 'error', message);
    if (!uri) return;
    configProblems.set(folder.root, uri);
    const pos = { line: problem.line - 1, character: Math.max(0, problem.column - 1) };
    void connection.sendDiagnostics({
      uri,
      diagnostics: [{ range: { start: pos, end: { line: pos.line, character: pos.character + 1 } }, severity: 1, source: SOURCE, code: 'config', message: `${problem.message}; the defaults apply until it is fixed.` }],
    });
  }

  // ------------------------------------------------------------------ diagnostics

  function diagnosticsFor(folder: Folder, file: string): Diagnostic[] {
    const t = texts(folder);
    return folder.presented(file).shown.map((f) => toDiagnostic(f, t));
  }

  function publish(folder: Folder, file: string): void {
    const doc = openDocument(file);
    if (!doc) return; // push mode shows open documents only
    const analysed = folder.analysedVersions.get(file);
    if (analysed !== doc.version || folder.isPending(file)) return; // a newer version is on its way
    void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: diagnosticsFor(folder, file) });
  }

  // ------------------------------------------------------------------ lifecycle

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    pull = !!caps.textDocument?.diagnostic;
    refreshSupport = !!caps.workspace?.diagnostics?.refreshSupport;
    codeLensRefreshSupport = !!caps.workspace?.codeLens?.refreshSupport;
    documentChanges = !!caps.workspace?.workspaceEdit?.documentChanges;
    showDocument = !!caps.window?.showDocument?.support;
    workDoneProgress = !!caps.window?.workDoneProgress;
    workspaceFolders = !!caps.workspace?.workspaceFolders;
    configurationSupport = !!caps.workspace?.configuration;
    configurationChangeRegistration = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    // The client's own settings win when it can be asked; initializationOptions.settings is for the others.
    initialSettings = configurationSupport ? DEFAULT_EDITOR_SETTINGS : resolveSettings(init.settings);
    looseSettings = configurationSupport ? undefined : initialSettings;
    settings = {
      debounceMs: num(init.debounceMs, DEFAULT_SETTINGS.debounceMs),
      maxFileBytes: num(init.maxFileBytes, DEFAULT_SETTINGS.maxFileBytes),
      perFileBudgetMs: num(init.perFileBudgetMs, DEFAULT_SETTINGS.perFileBudgetMs),
      wholeFolderMaxFiles: num(init.wholeFolderMaxFiles, DEFAULT_SETTINGS.wholeFolderMaxFiles),
      workspaceDiagnostics: init.workspaceDiagnostics ?? DEFAULT_SETTINGS.workspaceDiagnostics,
    };
    const roots = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    for (const uri of roots) addFolder(uri, true);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: [SHOW_DOCUMENTATION_COMMAND] },
        ...(pull ? { diagnosticProvider: { identifier: SOURCE, interFileDependencies: true, workspaceDiagnostics: settings.workspaceDiagnostics } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'promptward', version: TOOL_VERSION },
    };
  });

  connection.onInitialized(() => {
    for (const folder of folders.values()) publishConfigProblem(folder);
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [
        { globPattern: '**/*.{ts,tsx,js,jsx,mjs,cjs,mts,cts}' },
        { globPattern: '**/{tsconfig,jsconfig,package}.json' },
        { globPattern: '**/.promptward.{yaml,yml}' },
      ],
    }).catch(() => undefined); // clients without dynamic registration
    if (configurationChangeRegistration) {
      // So that clients like VS Code's send didChangeConfiguration when a promptward.* setting changes.
      void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(() => undefined);
    }
    if (configurationSupport) void requestSettings();
    if (workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        for (const f of e.removed) {
          const root = toFile(f.uri);
          if (root) folders.delete(root);
        }
        for (const f of e.added) addFolder(f.uri);
      });
    }
  });

  connection.onDidChangeConfiguration((params) => {
    // Whatever the notification carries, a client that can be asked is asked (its answer is per folder).
    if (configurationSupport) void requestSettings();
    else applyPushedSettings(params?.settings);
  });

  // ------------------------------------------------------------------ documents

  const seen = new Set<string>();
  documents.onDidChangeContent((e) => {
    const file = toFile(e.document.uri);
    if (!file || !isSourceFile(file)) return;
    uriByFile.set(file, e.document.uri);
    const folder = folderFor(file)!;
    const first = !seen.has(e.document.uri);
    seen.add(e.document.uri);
    folder.documentChanged(file, e.document.getText(), first);
  });

  documents.onDidSave((e) => {
    const file = toFile(e.document.uri);
    if (!file || !isSourceFile(file)) return;
    const folder = folderFor(file, false);
    if (folder?.documentSaved(file, e.document.getText()) && pull) savedAwaitingRefresh.add(file);
  });

  documents.onDidClose((e) => {
    seen.delete(e.document.uri);
    const file = toFile(e.document.uri);
    if (!file || !isSourceFile(file)) return;
    const folder = folderFor(file, false);
    uriByFile.delete(file);
    indexes.delete(file);
    if (!pull) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    if (!folder) return;
    folder.setDocument(file, undefined);
    if (folder.loose) {
      loose.delete(folder.root);
      return;
    }
    folder.schedule(file); // the disk's text applies again to the files that import it
  });

  connection.onDidChangeWatchedFiles((params) => {
    for (const change of params.changes) {
      const file = toFile(change.uri);
      if (!file) continue;
      const folder = folderFor(file, false);
      if (!folder || folder.loose) continue;
      const base = path.basename(file);
      if (CONFIG_FILE_NAMES.includes(base) || base === 'tsconfig.json' || base === 'jsconfig.json') {
        folder.reloadConfig(openTexts(folder));
        publishConfigProblem(folder);
        if (folder.ready) showReapplied(folder);
        continue;
      }
      // A folder without its settings yet, or disabled, starts a new session when they come.
      if (!isSourceFile(file) || !folder.ready || !folder.enabled) continue;
      const kind = change.type === FileChangeType.Created ? 'created' : change.type === FileChangeType.Deleted ? 'deleted' : 'changed';
      folder.session.fileChanged(file, kind);
      if (kind !== 'deleted' || folder.session.has(file)) folder.schedule(file);
      else for (const doc of documents.all()) {
        // A deleted file: re-analyse the open documents (their imports may have pointed at it).
        const f = toFile(doc.uri);
        if (f && folderFor(f, false) === folder) folder.schedule(f);
      }
    }
  });

  // ------------------------------------------------------------------ pull diagnostics

  connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
    const file = toFile(params.textDocument.uri);
    if (!file || !isSourceFile(file)) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const folder = folderFor(file, false);
    if (!folder) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    await folder.whenReady();
    // run: onSave — an edited, unsaved document keeps its last results: the pull does not analyse it.
    const stale = folder.analyses(file) && !folder.awaitsSave(file) && !folder.session.isFresh(file) && !folder.isPending(file);
    if (stale) folder.schedule(file, 0);
    await folder.settled();
    if (token.isCancellationRequested) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const resultId = folder.resultId(file);
    if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items: diagnosticsFor(folder, file) };
  });

  connection.onRequest(WorkspaceDiagnosticRequest.type, async (params, token): Promise<WorkspaceDiagnosticReport> => {
    workspacePulled = true;
    const previous = new Map(params.previousResultIds.map((p) => [p.uri, p.value]));
    // Progress on the client's token when it sent one, else on one the server creates (when the client can show it).
    let reporter: { begin(title: string, percentage: number, message: string, cancellable: boolean): void; report(percentage: number, message: string): void; done(): void };
    let progressCancelled: CancellationToken | undefined;
    const clientToken = params.workDoneToken;
    if (clientToken !== undefined) {
      const send = (value: WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd) => void connection.sendProgress(WorkDoneProgress.type, clientToken, value);
      reporter = {
        begin: (title, percentage, message, cancellable) => send({ kind: 'begin', title, percentage, message, cancellable }),
        report: (percentage, message) => send({ kind: 'report', percentage, message }),
        done: () => send({ kind: 'end' }),
      };
    } else if (workDoneProgress) {
      const created = await connection.window.createWorkDoneProgress();
      reporter = created;
      progressCancelled = created.token;
    } else {
      reporter = { begin: () => undefined, report: () => undefined, done: () => undefined };
    }
    reporter.begin('Promptward', 0, 'Scanning the workspace', true);
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    try {
      for (const folder of folders.values()) {
        await folder.scanAll({ get isCancellationRequested() { return token.isCancellationRequested || !!progressCancelled?.isCancellationRequested; } }, (done, total) => {
          reporter.report(total ? Math.round((done / total) * 100) : 100, `${done}/${total} files`);
        });
        const held = [...previous.keys()].map(toFile).filter((f): f is string => !!f && folderFor(f, false) === folder);
        for (const file of folder.filesWithResults(held)) {
          const uri = uriOf(file);
          const resultId = folder.resultId(file);
          const version = openDocument(file)?.version ?? null;
          if (previous.get(uri) === resultId) items.push({ kind: DocumentDiagnosticReportKind.Unchanged, uri, version, resultId });
          else items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version, resultId, items: diagnosticsFor(folder, file) });
        }
      }
    } finally {
      reporter.done();
    }
    return { items };
  });

  // ------------------------------------------------------------------ code actions

  connection.onCodeAction((params: CodeActionParams): CodeAction[] => {
    const doc = documents.get(params.textDocument.uri);
    const file = toFile(params.textDocument.uri);
    if (!doc || !file) return [];
    const folder = folderFor(file, false);
    // Offsets are valid only for the version the findings were computed from.
    if (!folder || !folder.enabled || folder.isPending(file) || folder.analysedVersions.get(file) !== doc.version) return [];
    const wants = (kind: string) => !params.context.only || params.context.only.some((o) => kind === o || kind.startsWith(`${o}.`));
    const text = doc.getText();
    const index = lineIndex(file, text);
    const t = texts(folder);
    const shown = folder.presented(file).shown;
    const actions: CodeAction[] = [];
    const targetOf = (f: string): EditTarget | undefined => {
      const open = openDocument(f);
      const content = open ? open.getText() : folder.session.readText(f);
      return content === undefined ? undefined : { uri: uriOf(f), version: open ? open.version : null, index: lineIndex(f, content) };
    };
    if (wants(CodeActionKind.QuickFix)) {
      const start = index.offset(params.range.start);
      const end = index.offset(params.range.end);
      for (const finding of shown) {
        const fs = finding.location.startOffset;
        const fe = finding.location.endOffset;
        if (!(fs <= end && start <= fe)) continue;
        const diagnostic = matchDiagnostic(params.context.diagnostics, finding) ?? toDiagnostic(finding, t);
        const diagnostics = [diagnostic];
        if (!isMetaRule(finding.ruleId)) {
          for (const fix of fixesFor(finding as never, text)) {
            const edit = toWorkspaceEdit(fix.edits, targetOf, documentChanges);
            if (edit) actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics, isPreferred: fix.preferred, edit });
          }
          const ignore = ignoreFix(finding as never, text);
          const edit = ignore && toWorkspaceEdit(ignore.edits, targetOf, documentChanges);
          if (ignore && edit) actions.push({ title: ignore.title, kind: CodeActionKind.QuickFix, diagnostics, edit });
        }
        const meta = ruleMetaOf(finding.ruleId);
        if (meta) {
          const title = `Show documentation for ${finding.ruleId}`;
          actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics, command: { title, command: SHOW_DOCUMENTATION_COMMAND, arguments: [meta.helpUri] } });
        }
      }
    }
    if (wants(FIX_ALL_KIND)) {
      const safe = shown.filter((f) => !isMetaRule(f.ruleId)).map((f) => fixesFor(f as never, text).filter((x) => x.safe).sort((a, b) => Number(b.preferred) - Number(a.preferred))[0]).filter((x) => x !== undefined);
      const { edits } = selectCompatible(safe);
      const edit = edits.length ? toWorkspaceEdit(edits, targetOf, documentChanges) : undefined;
      if (edit) actions.push({ title: 'Fix all safe Promptward problems', kind: FIX_ALL_KIND, edit });
    }
    return actions;
  });

  function matchDiagnostic(diagnostics: readonly Diagnostic[], finding: ReportFinding): Diagnostic | undefined {
    return diagnostics.find((d) => d.source === SOURCE && (d.data as DiagnosticData | undefined)?.fingerprint === finding.fingerprint && d.code === finding.ruleId);
  }

  connection.onExecuteCommand(async (params) => {
    if (params.command !== SHOW_DOCUMENTATION_COMMAND) return null;
    const url = String(params.arguments?.[0] ?? '');
    if (!/^https?:\/\//.test(url)) return null;
    if (showDocument) await connection.window.showDocument({ uri: url, external: true });
    else void connection.window.showInformationMessage(`Promptward rule documentation: ${url}`);
    return null;
  });

  // ------------------------------------------------------------------ hover

  connection.onHover((params): Hover | null => {
    const doc = documents.get(params.textDocument.uri);
    const file = toFile(params.textDocument.uri);
    if (!doc || !file) return null;
    const folder = folderFor(file, false);
    if (!folder || !folder.enabled || folder.isPending(file) || folder.analysedVersions.get(file) !== doc.version) return null;
    const index = lineIndex(file, doc.getText());
    const offset = index.offset(params.position);
    const under = folder.presented(file).shown.filter((f) => f.location.startOffset <= offset && offset <= f.location.endOffset);
    if (under.length === 0) return null;
    const first = under[0];
    return {
      contents: { kind: 'markdown', value: hoverMarkdown(under, texts(folder), folder.root) },
      range: { start: index.position(first.location.startOffset), end: index.position(first.location.endOffset) },
    };
  });

  // ------------------------------------------------------------------ code lens (promptward.codeLens, off by default)

  /** Asks the client to request code lenses again (what reaches the prompts changed), at most every 300 ms. */
  function refreshCodeLenses(): void {
    if (!codeLensRefreshSupport || codeLensRefresh) return;
    codeLensRefresh = setTimeout(() => {
      codeLensRefresh = undefined;
      void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    }, 300);
  }

  connection.onCodeLens(async (params, token): Promise<CodeLens[]> => {
    const file = toFile(params.textDocument.uri);
    const doc = documents.get(params.textDocument.uri);
    if (!file || !doc || !isSourceFile(file)) return [];
    const folder = folderFor(file, false);
    if (!folder || !folder.showsCodeLens || !folder.analyses(file)) return [];
    await folder.settled();
    // The inventory's offsets are those of the analysed version; a newer one gets its lenses after its run.
    if (token.isCancellationRequested || folder.analysedVersions.get(file) !== doc.version) return [];
    const index = lineIndex(file, doc.getText());
    return callLenses(folder.session.inventoryOf(file), file).map((lens) => ({
      range: { start: index.position(lens.startOffset), end: index.position(lens.endOffset) },
      command: { title: lens.title, command: '' },
    }));
  });

  // ------------------------------------------------------------------ custom requests

  connection.onRequest(FINDINGS_SUMMARY_REQUEST, async (params: FindingsSummaryParams | undefined, token): Promise<FindingsSummaryResult> => {
    const wanted = params?.folder ? toFile(params.folder) : undefined;
    const out: FolderFindingsSummary[] = [];
    for (const folder of folders.values()) {
      if (wanted && folder.root !== wanted) continue;
      await folder.whenReady();
      if (!folder.enabled) {
        out.push({ folder: folder.uri, disabled: true, files: 0, filesWithFindings: 0, total: 0, suppressed: 0, bySeverity: { error: 0, warning: 0, info: 0 }, byRule: {} });
        continue;
      }
      await folder.scanAll(token);
      const summary: FolderFindingsSummary = { folder: folder.uri, files: folder.session.fileList().length, filesWithFindings: 0, total: 0, suppressed: 0, bySeverity: { error: 0, warning: 0, info: 0 }, byRule: {} };
      for (const file of folder.filesWithResults()) {
        const p = folder.presented(file);
        summary.suppressed += p.suppressed;
        if (p.shown.length) summary.filesWithFindings++;
        for (const f of p.shown) {
          summary.total++;
          summary.bySeverity[f.severity]++;
          const r = (summary.byRule[f.ruleId] ??= { total: 0, error: 0, warning: 0, info: 0 });
          r.total++;
          r[f.severity]++;
        }
      }
      out.push(summary);
    }
    return { folders: out };
  });

  connection.onRequest(THREAT_MODEL_REQUEST, async (params: ThreatModelParams | undefined, token): Promise<ThreatModelResult | ResponseError<void>> => {
    const all = [...folders.values()];
    const wanted = params?.folder ? toFile(params.folder) : undefined;
    const folder = wanted ? folders.get(wanted) : all.length === 1 ? all[0] : undefined;
    if (!folder) {
      const why = params?.folder ? `${params.folder} is not a workspace folder of this server` : `the server has ${all.length} workspace folders: name one in 'folder'`;
      return new ResponseError(ErrorCodes.InvalidParams, `promptward/threatModel: ${why}`);
    }
    const format = params?.format;
    if (format !== undefined && format !== 'json' && format !== 'markdown' && format !== 'html') {
      return new ResponseError(ErrorCodes.InvalidParams, `promptward/threatModel: unknown format '${String(format)}' (expected json, markdown or html)`);
    }
    await folder.whenReady();
    if (!folder.enabled) {
      return new ResponseError(LSPErrorCodes.RequestFailed, `promptward/threatModel: Promptward is disabled for ${folder.uri} (the setting promptward.enable is false)`);
    }
    const model = await folder.threatModel(token);
    threatModelWatched.add(folder); // after: the client has the model; only later changes are news
    if (!model) return new ResponseError(LSPErrorCodes.RequestCancelled, 'promptward/threatModel: cancelled');
    return { folder: folder.uri, model, ...(format ? { text: renderThreatModel(model, format) } : {}) };
  });

  documents.listen(connection);
  connection.listen();
}

function num(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}
