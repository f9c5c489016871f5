// A small Language Server Protocol client for tests: spawns the real server as a process and speaks JSON-RPC
// over its stdio (Content-Length framing). It answers the server's own requests, records notifications, and
// waits for conditions with a deadline (re-checked on every message, never a fixed sleep).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { pathToFileURL } from 'node:url';

export interface Message {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: LspDiagnostic[];
}

export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface LspDiagnostic {
  range: LspRange;
  severity?: number;
  code?: string | number;
  codeDescription?: { href: string };
  source?: string;
  message: string;
  relatedInformation?: { location: { uri: string; range: LspRange }; message: string }[];
  data?: unknown;
}

export interface LspTextEdit {
  range: LspRange;
  newText: string;
}

export interface WorkspaceEdit {
  changes?: Record<string, LspTextEdit[]>;
  documentChanges?: { textDocument: { uri: string; version: number | null }; edits: LspTextEdit[] }[];
}

export interface CodeAction {
  title: string;
  kind?: string;
  diagnostics?: LspDiagnostic[];
  isPreferred?: boolean;
  edit?: WorkspaceEdit;
  command?: { title: string; command: string; arguments?: unknown[] };
}

type Handler = (params: unknown) => unknown;

export class LspClient {
  readonly messages: Message[] = [];
  readonly notifications: Message[] = [];
  readonly serverRequests: Message[] = [];
  /** The latest publishDiagnostics per URI. */
  readonly diagnostics = new Map<string, PublishedDiagnostics>();
  /** Every publishDiagnostics, in order. */
  readonly published: PublishedDiagnostics[] = [];
  stderr = '';
  exitCode: number | null | undefined;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; method: string }>();
  private readonly handlers = new Map<string, Handler>();
  private readonly watchers = new Set<() => void>();
  private readonly proc: ChildProcessWithoutNullStreams;

  constructor(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
    this.proc = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.proc.stderr.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString('utf8');
      this.notify();
    });
    this.proc.on('exit', (code) => {
      this.exitCode = code;
      for (const p of this.pending.values()) p.reject(new Error(`server exited (${code}) before answering ${p.method}\n${this.stderr}`));
      this.pending.clear();
      this.notify();
    });
    this.proc.stdin.on('error', () => undefined);
    // Defaults for the requests a server sends to its client.
    this.onRequest('client/registerCapability', () => null);
    this.onRequest('client/unregisterCapability', () => null);
    this.onRequest('window/workDoneProgress/create', () => null);
    this.onRequest('workspace/diagnostic/refresh', () => null);
    this.onRequest('workspace/configuration', (p) => ((p as { items?: unknown[] }).items ?? []).map(() => null));
    this.onRequest('window/showDocument', () => ({ success: true }));
    this.onRequest('workspace/applyEdit', () => ({ applied: false }));
  }

  get pid(): number | undefined {
    return this.proc.pid;
  }

  get alive(): boolean {
    return this.exitCode === undefined;
  }

  onRequest(method: string, handler: Handler): void {
    this.handlers.set(method, handler);
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const m = /Content-Length: (\d+)/i.exec(header);
      if (!m) throw new Error(`bad header from server: ${header}`);
      const length = Number(m[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body) as Message);
    }
  }

  private dispatch(msg: Message): void {
    this.messages.push(msg);
    if (msg.id !== undefined && msg.method === undefined) {
      const p = this.pending.get(msg.id as number);
      if (p) {
        this.pending.delete(msg.id as number);
        if (msg.error) p.reject(Object.assign(new Error(`${p.method}: ${msg.error.message}`), { code: msg.error.code }));
        else p.resolve(msg.result);
      }
    } else if (msg.id !== undefined && msg.method !== undefined) {
      this.serverRequests.push(msg);
      const handler = this.handlers.get(msg.method);
      const respond = (result: unknown) => this.write({ jsonrpc: '2.0', id: msg.id, result });
      if (handler) respond(handler(msg.params) ?? null);
      else this.write({ jsonrpc: '2.0', id: msg.id, error: { code: -32601, message: `unhandled ${msg.method}` } });
    } else if (msg.method) {
      this.notifications.push(msg);
      if (msg.method === 'textDocument/publishDiagnostics') {
        const p = msg.params as PublishedDiagnostics;
        this.diagnostics.set(p.uri, p);
        this.published.push(p);
      }
    }
    this.notify();
  }

  private notify(): void {
    for (const w of [...this.watchers]) w();
  }

  private write(msg: Message): void {
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    this.proc.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  request<T = unknown>(method: string, params: unknown, timeoutMs = 30_000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method}: no answer within ${timeoutMs} ms\n${this.stderr.slice(-2000)}`));
      }, timeoutMs);
      this.pending.set(id, {
        method,
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.write({ jsonrpc: '2.0', id, method, params });
    });
  }

  /** Sends a request and returns its id at once (to cancel it). */
  requestWithId<T = unknown>(method: string, params: unknown, timeoutMs = 30_000): { id: number; result: Promise<T> } {
    const id = this.nextId;
    return { id, result: this.request<T>(method, params, timeoutMs) };
  }

  sendNotification(method: string, params: unknown): void {
    this.write({ jsonrpc: '2.0', method, params });
  }

  /** Resolves with the first truthy value of `check`, re-evaluated on every message; rejects at the deadline. */
  waitFor<T>(check: () => T | undefined | false | null, what: string, timeoutMs = 30_000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const tryIt = (): boolean => {
        let value: T | undefined | false | null;
        try {
          value = check();
        } catch (e) {
          cleanup();
          reject(e as Error);
          return true;
        }
        if (value) {
          cleanup();
          resolve(value);
          return true;
        }
        if (!this.alive) {
          cleanup();
          reject(new Error(`server exited (${this.exitCode}) while waiting for ${what}\n${this.stderr.slice(-2000)}`));
          return true;
        }
        return false;
      };
      const watcher = () => void tryIt();
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}\nlog: ${this.logText().slice(-3000)}\nstderr: ${this.stderr.slice(-2000)}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.watchers.delete(watcher);
      };
      this.watchers.add(watcher);
      tryIt();
    });
  }

  /** The window/logMessage texts so far. */
  logText(): string {
    return this.notifications.filter((n) => n.method === 'window/logMessage').map((n) => (n.params as { message: string }).message).join('\n');
  }

  async initialize(rootPath: string, capabilities: Record<string, unknown>, initializationOptions?: unknown): Promise<{ capabilities: Record<string, unknown> }> {
    const rootUri = pathToFileURL(rootPath).href;
    const result = await this.request<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'root' }],
      capabilities,
      initializationOptions,
    });
    this.sendNotification('initialized', {});
    return result;
  }

  open(file: string, text: string, version = 1): string {
    const uri = pathToFileURL(file).href;
    const languageId = /\.tsx?$/.test(file) ? (file.endsWith('x') ? 'typescriptreact' : 'typescript') : 'javascript';
    this.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    return uri;
  }

  /** Replaces the whole text of an open document. */
  change(uri: string, text: string, version: number): void {
    this.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  close(uri: string): void {
    this.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Shuts the server down politely, then makes sure the process is gone. */
  async stop(): Promise<void> {
    if (!this.alive) return;
    try {
      await this.request('shutdown', null, 5000);
      this.sendNotification('exit', null);
      await this.waitFor(() => !this.alive, 'the server to exit', 5000);
    } catch {
      this.proc.kill('SIGKILL');
    }
  }
}

/** Offset of an LSP position in a text (\n, \r\n and \r line breaks; UTF-16 units). */
export function offsetAt(text: string, pos: { line: number; character: number }): number {
  let line = 0;
  let i = 0;
  while (line < pos.line && i < text.length) {
    const c = text[i];
    if (c === '\r') {
      if (text[i + 1] === '\n') i++;
      line++;
    } else if (c === '\n') line++;
    i++;
  }
  return i + pos.character;
}

/** Applies LSP text edits to a text, as a client does (all positions refer to the original text). */
export function applyLspEdits(text: string, edits: readonly LspTextEdit[]): string {
  const withOffsets = edits.map((e, i) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), newText: e.newText, i }));
  withOffsets.sort((a, b) => b.start - a.start || b.i - a.i);
  let out = text;
  for (const e of withOffsets) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** The edits of a workspace edit for one URI (from `changes` or `documentChanges`). */
export function editsFor(edit: WorkspaceEdit, uri: string): LspTextEdit[] {
  if (edit.documentChanges) return edit.documentChanges.filter((c) => c.textDocument.uri === uri).flatMap((c) => c.edits);
  return edit.changes?.[uri] ?? [];
}
