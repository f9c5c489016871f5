// Starting, restarting and talking to the bundled language server (dist/server.js) over Node IPC. A crashed
// server is restarted up to MAX_RESTARTS times in RESTART_WINDOW_MS; after that it stays down with a message that
// says how to bring it back. The server reads the `promptward.*` settings itself (workspace/configuration).
import type { ChildProcess } from 'child_process';
import * as vscode from 'vscode';
import {
  CloseAction, ErrorAction, IPCMessageReader, IPCMessageWriter, LanguageClient, RevealOutputChannelOn, State,
  type CloseHandlerResult, type ErrorHandlerResult, type LanguageClientOptions, type ServerOptions,
} from 'vscode-languageclient/node';
import { SHOW_DOCUMENTATION_COMMAND, THREAT_MODEL_CHANGED_NOTIFICATION, type InitializationOptions } from '../../server/src/lsp/protocol';
import { openRuleDocumentation, ruleIdOfDocUrl } from './rule-docs';
import { alive, spawnServer, takePrelaunchedServer } from './server-process';

/** How long a stopped server may take to exit by itself (it writes its code cache on the way) before it is killed. */
const EXIT_GRACE_MS = 2_000;

export const MAX_RESTARTS = 4;
export const RESTART_WINDOW_MS = 3 * 60_000;

/** The languages and files Promptward analyses (the server ignores anything else). */
export const DOCUMENT_SELECTOR = [
  { scheme: 'file', language: 'typescript' },
  { scheme: 'file', language: 'typescriptreact' },
  { scheme: 'file', language: 'javascript' },
  { scheme: 'file', language: 'javascriptreact' },
];

export interface ServerEvents {
  /** The server is running (first start and after each restart). */
  onRunning(): void;
  /** A folder's threat model may have changed. */
  onThreatModelChanged(folder: string): void;
}

export class PromptwardServer implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private process: ChildProcess | undefined;
  private readonly crashes: number[] = [];
  private starting: Promise<void> | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.LogOutputChannel,
    private readonly events: ServerEvents,
  ) {}

  get running(): boolean {
    return this.client?.state === State.Running;
  }

  get languageClient(): LanguageClient | undefined {
    return this.client;
  }

  start(): Promise<void> {
    this.starting ??= this.startClient().finally(() => {
      this.starting = undefined;
    });
    return this.starting;
  }

  private async startClient(): Promise<void> {
    // The first start adopts the process started when the extension loaded; restarts start their own. The client
    // gets the IPC channel only: the process is ours to end if it lingers (`endProcess`), its output ours to show.
    const serverOptions: ServerOptions = async () => {
      const child = takePrelaunchedServer() ?? spawnServer(this.context.extensionPath);
      this.process = child;
      const show = (data: Buffer) => this.output.append(data.toString('utf8'));
      child.stdout?.on('data', show);
      child.stderr?.on('data', show);
      return { reader: new IPCMessageReader(child), writer: new IPCMessageWriter(child) };
    };
    const initializationOptions: InitializationOptions = {
      // Whole-workspace results come from the Scan Workspace command, not from a background scan at start-up.
      workspaceDiagnostics: false,
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: DOCUMENT_SELECTOR,
      synchronize: { configurationSection: 'promptward' },
      initializationOptions,
      outputChannel: this.output,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      middleware: {
        // "Show documentation for <rule>" opens the page shipped with the extension (offline, matching the version).
        executeCommand: async (command, args, next) => {
          const id = command === SHOW_DOCUMENTATION_COMMAND ? ruleIdOfDocUrl(String(args[0] ?? '')) : undefined;
          if (id && (await openRuleDocumentation(this.context.extensionPath, id))) return undefined;
          return next(command, args);
        },
        // A request still open when the window closes (or the server is restarted) fails as the client stops:
        // that is not an error to report, the answer is just gone.
        provideCodeActions: (document, range, context, token, next) => this.unlessStopped(client, () => next(document, range, context, token)),
        provideHover: (document, position, token, next) => this.unlessStopped(client, () => next(document, position, token)),
        provideCodeLenses: (document, token, next) => this.unlessStopped(client, () => next(document, token)),
      },
      errorHandler: {
        error: (_error, _message, count): ErrorHandlerResult => ({ action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown }),
        closed: (): CloseHandlerResult => this.onClosed(),
      },
    };
    const client: LanguageClient = new LanguageClient('promptward', 'Promptward', serverOptions, clientOptions);
    this.client = client;
    client.onDidChangeState((e) => {
      if (e.newState === State.Running) this.events.onRunning();
    });
    client.onNotification(THREAT_MODEL_CHANGED_NOTIFICATION, (params: { folder: string }) => this.events.onThreatModelChanged(params.folder));
    const started = Date.now();
    await client.start();
    this.output.info(`Language server started in ${Date.now() - started} ms (process ${this.process?.pid}).`);
  }

  /** `request`'s answer; undefined instead of an error when `client` stopped or was replaced meanwhile. */
  private async unlessStopped<T>(client: LanguageClient, request: () => vscode.ProviderResult<T>): Promise<T | null | undefined> {
    try {
      return await request();
    } catch (err) {
      if (this.client === client && client.state === State.Running) throw err;
      return undefined;
    }
  }

  private onClosed(): CloseHandlerResult {
    const now = Date.now();
    this.crashes.push(now);
    while (this.crashes.length && this.crashes[0]! < now - RESTART_WINDOW_MS) this.crashes.shift();
    if (this.crashes.length <= MAX_RESTARTS) {
      this.output.warn(`The Promptward server stopped unexpectedly; restarting it (${this.crashes.length} of ${MAX_RESTARTS} in ${RESTART_WINDOW_MS / 60_000} minutes).`);
      return { action: CloseAction.Restart, handled: true };
    }
    const message = `The Promptward server stopped ${this.crashes.length} times in ${RESTART_WINDOW_MS / 60_000} minutes and will not be restarted. Check "Promptward: Show Output", then run "Promptward: Restart Server".`;
    this.output.error(message);
    void vscode.window.showErrorMessage(message, 'Show Output', 'Restart Server').then((choice) => {
      if (choice === 'Show Output') this.output.show();
      else if (choice === 'Restart Server') void vscode.commands.executeCommand('promptward.restartServer');
    });
    return { action: CloseAction.DoNotRestart, handled: true };
  }

  /** Stops the server (if running) and starts a new one; the crash count starts again. */
  async restart(): Promise<void> {
    this.crashes.length = 0;
    const old = this.client;
    const oldProcess = this.process;
    this.client = undefined;
    if (old) {
      try {
        if (old.state !== State.Stopped) await old.stop(5_000);
      } catch (err) {
        this.output.warn(`Stopping the server: ${err instanceof Error ? err.message : String(err)}`);
      }
      await old.dispose().catch(() => undefined);
    }
    endProcess(oldProcess);
    await this.start();
  }

  /** A request to the running server; rejects with a clear message when it is not running. */
  async request<R>(method: string, params: unknown, token?: vscode.CancellationToken): Promise<R> {
    if (this.starting) await this.starting;
    const client = this.client;
    if (!client || client.state !== State.Running) throw new Error('the Promptward server is not running (run "Promptward: Restart Server")');
    return token ? client.sendRequest<R>(method, params, token) : client.sendRequest<R>(method, params);
  }

  async dispose(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client && client.state !== State.Stopped) await client.stop(2_000).catch(() => undefined);
    endProcess(this.process);
  }
}

/** Kills a stopped server's process if it has not exited by itself within EXIT_GRACE_MS. */
function endProcess(child: ChildProcess | undefined): void {
  if (!child || !alive(child)) return;
  const timer = setTimeout(() => {
    if (alive(child)) child.kill();
  }, EXIT_GRACE_MS);
  child.once('exit', () => clearTimeout(timer));
}
