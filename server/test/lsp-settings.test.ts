// The language server's editor settings (promptward.enable, .run, .rules, .exclude) against the real server
// process (dist/server.js): asked per folder with workspace/configuration and again on didChangeConfiguration,
// applied under the workspace's .promptward.yaml, invalid values logged once and ignored; pull clients, and
// clients that can only send initializationOptions.settings.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { LspClient, type CodeAction, type LspDiagnostic, type Message, type PublishedDiagnostics } from './helpers/lsp-client';
import { REPO_ROOT, copyDemoApp, writeFiles } from './helpers/projects';
import type { EditorSettings, FindingsSummaryResult } from '../src/lsp/protocol';

const SERVER = path.join(REPO_ROOT, 'dist', 'server.js');

const PUSH_CAPABILITIES = {
  textDocument: {
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } }, isPreferredSupport: true, dataSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    synchronization: { didSave: true },
  },
  workspace: { workspaceEdit: { documentChanges: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
  window: { showDocument: { support: true }, workDoneProgress: true },
};

const CONFIGURABLE = {
  ...PUSH_CAPABILITIES,
  workspace: { ...PUSH_CAPABILITIES.workspace, configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
};

const PULL_CONFIGURABLE = {
  ...CONFIGURABLE,
  textDocument: { ...CONFIGURABLE.textDocument, diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } },
  workspace: { ...CONFIGURABLE.workspace, diagnostics: { refreshSupport: true } },
};

/** The workspace's own config: it sets missing-max-tokens (so the settings cannot) and excludes one route. */
const CONFIG_FILE = `rules:
  missing-max-tokens: info
exclude:
  - server/routes/admin.ts
`;

const LLM = 'server/services/llm.ts';
const WITH_TOKEN_CAP = (text: string) => text.replace('temperature: 0.3,', 'temperature: 0.3,\n    max_completion_tokens: 500,');

const codes = (diagnostics: readonly LspDiagnostic[]) => diagnostics.map((d) => String(d.code)).sort();
const severityOf = (diagnostics: readonly LspDiagnostic[], rule: string) => diagnostics.find((d) => d.code === rule)?.severity;

interface ConfigurationItem {
  scopeUri?: string;
  section?: string;
}

/** A client that answers workspace/configuration with the settings the test holds for the folder. */
class SettingsHarness {
  readonly client: LspClient;
  readonly root: string;
  readonly rootUri: string;
  settings: unknown;
  readonly asked: ConfigurationItem[][] = [];
  private readonly versions = new Map<string, number>();
  private readonly texts = new Map<string, string>();

  constructor(prefix: string, settings: unknown) {
    this.root = copyDemoApp(prefix);
    writeFiles(this.root, { '.promptward.yaml': CONFIG_FILE });
    this.rootUri = pathToFileURL(this.root).href;
    this.settings = settings;
    this.client = new LspClient(process.execPath, [SERVER, '--stdio']);
    this.client.onRequest('workspace/configuration', (params) => {
      const items = (params as { items: ConfigurationItem[] }).items;
      this.asked.push(items);
      return items.map((item) => (item.scopeUri === this.rootUri && item.section === 'promptward' ? this.settings : null));
    });
  }

  file(rel: string): string {
    return path.join(this.root, rel);
  }

  uri(rel: string): string {
    return pathToFileURL(this.file(rel)).href;
  }

  version(rel: string): number | undefined {
    return this.versions.get(rel);
  }

  text(rel: string): string {
    return this.texts.get(rel)!;
  }

  open(rel: string): void {
    const text = readFileSync(this.file(rel), 'utf8');
    this.texts.set(rel, text);
    this.versions.set(rel, 1);
    this.client.open(this.file(rel), text, 1);
  }

  change(rel: string, text: string): number {
    const version = (this.versions.get(rel) ?? 1) + 1;
    this.versions.set(rel, version);
    this.texts.set(rel, text);
    this.client.change(this.uri(rel), text, version);
    return version;
  }

  save(rel: string): void {
    this.client.sendNotification('textDocument/didSave', { textDocument: { uri: this.uri(rel) } });
  }

  /** Changes the settings and tells the server (which asks again); resolves once it asked. */
  async configure(settings: unknown): Promise<void> {
    this.settings = settings;
    const asked = this.asked.length;
    this.client.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await this.client.waitFor(() => this.asked.length > asked, 'workspace/configuration after didChangeConfiguration');
  }

  /** Publications for a document from index `since` on. */
  publishedSince(since: number, rel: string): PublishedDiagnostics[] {
    return this.client.published.slice(since).filter((p) => p.uri === this.uri(rel));
  }

  /** Waits for diagnostics of the document's current version, published from index `since` on, passing `check`. */
  diagnostics(rel: string, since = 0, check: (d: LspDiagnostic[]) => boolean = () => true, what = `diagnostics of ${rel}`): Promise<LspDiagnostic[]> {
    return this.client.waitFor(() => {
      const mine = this.publishedSince(since, rel).filter((p) => p.version === undefined || p.version === this.version(rel));
      const last = mine[mine.length - 1];
      return last && check(last.diagnostics) ? last.diagnostics : undefined;
    }, what);
  }

  /** Waits until the document's latest publication is empty (cleared), from index `since` on. */
  cleared(rel: string, since: number): Promise<true> {
    return this.client.waitFor(() => {
      const mine = this.publishedSince(since, rel);
      return mine.length > 0 && mine[mine.length - 1].diagnostics.length === 0;
    }, `cleared diagnostics of ${rel}`);
  }

  /** A textDocument/diagnostic pull. */
  pull(rel: string, previousResultId?: string): Promise<{ kind: string; resultId?: string; items?: LspDiagnostic[] }> {
    return this.client.request('textDocument/diagnostic', { textDocument: { uri: this.uri(rel) }, previousResultId });
  }

  refreshes(): number {
    return this.client.serverRequests.filter((r) => r.method === 'workspace/diagnostic/refresh').length;
  }

  async stop(): Promise<void> {
    await this.client.stop();
    rmSync(path.dirname(this.root), { recursive: true, force: true });
  }
}

describe('editor settings from workspace/configuration (push diagnostics)', () => {
  let h: SettingsHarness;

  before(async () => {
    assert.ok(existsSync(SERVER), `${SERVER} is missing: run npm run build first`);
    // The first answer already turns prompt-injection off and tries to raise missing-max-tokens, which the config file sets.
    h = new SettingsHarness('lsp-settings-push', { rules: { 'prompt-injection': 'off', 'missing-max-tokens': 'error' } } satisfies EditorSettings);
    await h.client.initialize(h.root, CONFIGURABLE);
  });

  after(async () => {
    await h?.stop();
  });

  it('asks for the promptward section of the folder once initialized, and the first analysis uses the answer', async () => {
    h.open(LLM); // right after initialized: before the server has its answer
    await h.client.waitFor(() => h.asked.length > 0, 'a workspace/configuration request');
    assert.ok(h.asked[0].some((item) => item.scopeUri === h.rootUri && item.section === 'promptward'), JSON.stringify(h.asked[0]));
    const registration = h.client.serverRequests.find((r) => r.method === 'client/registerCapability' && JSON.stringify(r.params).includes('workspace/didChangeConfiguration'));
    assert.ok(registration, 'registers for didChangeConfiguration');
    const diags = await h.diagnostics(LLM);
    assert.deepEqual(codes(diags), ['missing-max-tokens']);
    assert.equal(severityOf(diags, 'missing-max-tokens'), 3, 'the config file sets missing-max-tokens: info, and wins over the setting');
    assert.ok(h.publishedSince(0, LLM).every((p) => !codes(p.diagnostics).includes('prompt-injection')), 'never analysed with the wrong settings');
  });

  it('a rule set to error raises its severity; didChangeConfiguration asks again and re-applies the new value', async () => {
    h.open('server/index.ts');
    const before = await h.diagnostics('server/index.ts');
    assert.equal(severityOf(before, 'missing-rate-limit'), 2);
    const since = h.client.published.length;
    await h.configure({ rules: { 'missing-rate-limit': 'error', 'missing-max-tokens': 'error' } } satisfies EditorSettings);
    const index = await h.diagnostics('server/index.ts', since, (d) => severityOf(d, 'missing-rate-limit') === 1, 'missing-rate-limit as an error');
    assert.ok(codes(index).includes('unauthenticated-llm-endpoint'));
    assert.equal(severityOf(index, 'unauthenticated-llm-endpoint'), 2, 'other rules keep their level');
    // prompt-injection is no longer off; missing-max-tokens stays at the config file's level.
    const llm = await h.diagnostics(LLM, since, (d) => codes(d).includes('prompt-injection'), 'llm.ts with prompt-injection again');
    assert.equal(severityOf(llm, 'missing-max-tokens'), 3);
  });

  it('exclude: files excluded by the settings or by the config file are not analysed and have no diagnostics', async () => {
    const since = h.client.published.length;
    await h.configure({ exclude: ['server/services/**'] } satisfies EditorSettings);
    await h.cleared(LLM, since);
    h.open('server/routes/admin.ts'); // excluded by .promptward.yaml
    h.open('server/lib/clients.ts');
    assert.ok((await h.diagnostics('server/lib/clients.ts', since)).length > 0, 'other files are analysed');
    assert.ok(h.publishedSince(0, 'server/routes/admin.ts').every((p) => p.diagnostics.length === 0), 'the config file exclude applies too');
    assert.ok(h.publishedSince(since, LLM).slice(-1).every((p) => p.diagnostics.length === 0));

    const back = h.client.published.length;
    await h.configure({});
    assert.deepEqual(codes(await h.diagnostics(LLM, back, (d) => d.length > 0)), ['missing-max-tokens', 'prompt-injection']);
  });

  it('enable: false clears the diagnostics, offers no code actions or hover, and the custom requests say it is disabled', async () => {
    const model = await h.client.request<{ folder: string }>('promptward/threatModel', {});
    assert.equal(model.folder, h.rootUri);
    const llm = await h.diagnostics(LLM);
    const pi = llm.find((d) => d.code === 'prompt-injection')!;
    const notified = h.client.notifications.length;
    const since = h.client.published.length;

    await h.configure({ enable: false } satisfies EditorSettings);
    await h.cleared(LLM, since);
    await h.cleared('server/index.ts', since);
    await h.cleared('server/lib/clients.ts', since);
    await h.client.waitFor(() => h.client.notifications.slice(notified).some((n) => n.method === 'promptward/threatModelChanged'), 'promptward/threatModelChanged');

    const actions = await h.client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: h.uri(LLM) }, range: pi.range, context: { diagnostics: [pi] } });
    assert.deepEqual(actions, []);
    assert.equal(await h.client.request('textDocument/hover', { textDocument: { uri: h.uri(LLM) }, position: pi.range.start }), null);
    await assert.rejects(h.client.request('promptward/threatModel', {}), (err: Error & { code?: number }) => {
      assert.equal(err.code, -32803);
      assert.match(err.message, /Promptward is disabled for .*promptward\.enable is false/);
      return true;
    });
    const summary = await h.client.request<FindingsSummaryResult>('promptward/findingsSummary', {});
    assert.deepEqual(summary.folders.map((f) => [f.folder, f.disabled, f.total, f.files]), [[h.rootUri, true, 0, 0]]);

    // Edits while disabled are not analysed; turning it back on analyses the open documents' current text.
    const edited = h.change(LLM, WITH_TOKEN_CAP(h.text(LLM)));
    const on = h.client.published.length;
    await h.configure({} satisfies EditorSettings);
    const again = await h.diagnostics(LLM, on, (d) => d.length > 0);
    assert.deepEqual(codes(again), ['prompt-injection'], 'the unsaved edit (a token cap) is what is analysed');
    assert.ok(h.publishedSince(since, LLM).filter((p) => p.version === edited).length >= 1);
    assert.ok((await h.diagnostics('server/index.ts', on, (d) => d.length > 0)).length > 0);
  });

  it('run: onSave analyses an edit only when the document is saved', async () => {
    const since = h.client.published.length;
    await h.configure({ run: 'onSave' } satisfies EditorSettings);
    await h.diagnostics(LLM, since); // re-applied: the open documents are analysed once
    const unsaved = h.change(LLM, h.text(LLM).replace(/\n {4}max_completion_tokens: 500,/, ''));
    // Another document's run (opened: analysed at once) would take the edit along if it were pending.
    h.open('server/services/kb.ts');
    await h.diagnostics('server/services/kb.ts', since);
    assert.deepEqual(h.publishedSince(since, LLM).filter((p) => p.version === unsaved), [], 'no analysis of the unsaved edit');
    const pi = h.publishedSince(0, LLM).at(-1)!.diagnostics.find((d) => d.code === 'prompt-injection');
    assert.ok(pi);
    const actions = await h.client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: h.uri(LLM) }, range: pi.range, context: { diagnostics: [pi] } });
    assert.deepEqual(actions, [], 'no code actions for findings of an older text');

    h.save(LLM);
    assert.deepEqual(codes(await h.diagnostics(LLM, since)), ['missing-max-tokens', 'prompt-injection']);

    // Back to onType: edits are analysed again without a save.
    await h.configure({} satisfies EditorSettings);
    const typed = h.client.published.length;
    h.change(LLM, WITH_TOKEN_CAP(h.text(LLM)));
    assert.deepEqual(codes(await h.diagnostics(LLM, typed)), ['prompt-injection']);
  });

  it('invalid values are logged once each and ignored; the valid ones apply', async () => {
    const invalid = {
      enable: 'yes',
      run: 'sometimes',
      rules: { 'prompt-injektion': 'off', 'missing-rate-limit': 'critical', 'prompt-injection': 'off' },
      exclude: ['server/[abc', 42, 'server/lib/**'],
    };
    const since = h.client.published.length;
    await h.configure(invalid);
    const expected = [
      /ignored the setting promptward\.enable = "yes": expected true or false/,
      /ignored the setting promptward\.run = "sometimes": expected "onType" or "onSave"/,
      /ignored the setting promptward\.rules\.prompt-injektion = "off": unknown rule id \(known: .*prompt-injection/,
      /ignored the setting promptward\.rules\.missing-rate-limit = "critical": expected one of "off", "info", "warning", "error"/,
      /ignored the setting promptward\.exclude\[0\] = "server\/\[abc": bad glob: unclosed '\['/,
      /ignored the setting promptward\.exclude\[1\] = 42: expected a glob/,
    ];
    await h.client.waitFor(() => expected.every((re) => re.test(h.client.logText())), 'a log line for each invalid value');
    // The valid values apply: prompt-injection off, server/lib excluded; enable/run keep their defaults.
    await h.diagnostics(LLM, since, (d) => !codes(d).includes('prompt-injection'), 'llm.ts without prompt-injection');
    await h.cleared('server/lib/clients.ts', since);

    // Asked again (same values, then a valid change): each mistake is still reported once.
    await h.configure(invalid);
    const later = h.client.published.length;
    await h.configure({ ...invalid, rules: { ...invalid.rules, 'prompt-injection': 'warning' } });
    await h.diagnostics(LLM, later, (d) => severityOf(d, 'prompt-injection') === 2, 'prompt-injection as a warning');
    const log = h.client.logText().split('\n');
    for (const re of expected) assert.equal(log.filter((line) => re.test(line)).length, 1, `${re} logged once`);
    assert.ok(h.client.alive);
  });
});

describe('editor settings with pull diagnostics', () => {
  let h: SettingsHarness;

  before(async () => {
    h = new SettingsHarness('lsp-settings-pull', { run: 'onSave' } satisfies EditorSettings);
    const init = await h.client.initialize(h.root, PULL_CONFIGURABLE);
    assert.ok(init.capabilities.diagnosticProvider);
  });

  after(async () => {
    await h?.stop();
  });

  it('run: onSave — a pull after an edit returns the last results; after the save the server asks for a refresh', async () => {
    h.open(LLM);
    const first = await h.pull(LLM);
    assert.equal(first.kind, 'full');
    assert.deepEqual(codes(first.items!), ['missing-max-tokens', 'prompt-injection']);

    h.change(LLM, WITH_TOKEN_CAP(h.text(LLM)));
    const unsaved = await h.pull(LLM, first.resultId);
    assert.deepEqual({ kind: unsaved.kind, resultId: unsaved.resultId }, { kind: 'unchanged', resultId: first.resultId }, 'the unsaved edit is not analysed');
    const again = await h.pull(LLM);
    assert.deepEqual(codes(again.items!), ['missing-max-tokens', 'prompt-injection'], 'the last results');

    const refreshes = h.refreshes();
    h.save(LLM);
    await h.client.waitFor(() => h.refreshes() > refreshes, 'workspace/diagnostic/refresh after the save');
    const saved = await h.pull(LLM, first.resultId);
    assert.equal(saved.kind, 'full');
    assert.deepEqual(codes(saved.items!), ['prompt-injection']);
  });

  it('a didChangeConfiguration re-pull applies the new value; enable: false and exclude give empty reports', async () => {
    let refreshes = h.refreshes();
    await h.configure({ rules: { 'prompt-injection': 'warning' } } satisfies EditorSettings);
    await h.client.waitFor(() => h.refreshes() > refreshes, 'a refresh after the settings changed');
    assert.equal(severityOf((await h.pull(LLM)).items!, 'prompt-injection'), 2);

    refreshes = h.refreshes();
    await h.configure({ enable: false } satisfies EditorSettings);
    await h.client.waitFor(() => h.refreshes() > refreshes, 'a refresh after disabling');
    assert.deepEqual((await h.pull(LLM)).items, []);
    const workspace = await h.client.request<{ items: { uri: string; items?: LspDiagnostic[] }[] }>('workspace/diagnostic', { previousResultIds: [] });
    assert.ok(workspace.items.every((i) => (i.items ?? []).length === 0));

    refreshes = h.refreshes();
    await h.configure({ exclude: ['**/llm.ts'] } satisfies EditorSettings);
    await h.client.waitFor(() => h.refreshes() > refreshes, 'a refresh after excluding');
    assert.deepEqual((await h.pull(LLM)).items, []);
    h.open('server/index.ts');
    assert.ok((await h.pull('server/index.ts')).items!.length > 0, 'other files still analysed');
  });
});

describe('editor settings without the workspace/configuration capability', () => {
  let h: SettingsHarness;

  before(async () => {
    h = new SettingsHarness('lsp-settings-init', null);
    await h.client.initialize(h.root, PUSH_CAPABILITIES, { settings: { rules: { 'prompt-injection': 'off' } } satisfies EditorSettings });
  });

  after(async () => {
    await h?.stop();
  });

  it('initializationOptions.settings apply; didChangeConfiguration settings.promptward replaces them', async () => {
    h.open(LLM);
    assert.deepEqual(codes(await h.diagnostics(LLM)), ['missing-max-tokens']);
    const since = h.client.published.length;
    h.client.sendNotification('workspace/didChangeConfiguration', { settings: { promptward: { rules: { 'missing-max-tokens': 'off', 'prompt-injection': 'info' } } } });
    const diags = await h.diagnostics(LLM, since);
    assert.deepEqual(codes(diags), ['missing-max-tokens', 'prompt-injection'], 'the config file still sets missing-max-tokens');
    assert.equal(severityOf(diags, 'prompt-injection'), 3);
    assert.equal(h.asked.length, 0, 'the client is not asked');
  });
});

describe('a client that does not answer workspace/configuration in time', () => {
  let h: SettingsHarness;
  const held: Message[] = [];
  let send: (msg: Message) => void;

  before(async () => {
    h = new SettingsHarness('lsp-settings-late', { rules: { 'prompt-injection': 'off' } } satisfies EditorSettings);
    // Hold back the client's answers to workspace/configuration (the helper answers at once otherwise).
    const raw = h.client as unknown as { write(msg: Message): void };
    send = raw.write.bind(h.client);
    raw.write = (msg) => {
      const answersConfiguration = msg.method === undefined && h.client.serverRequests.some((r) => r.id === msg.id && r.method === 'workspace/configuration');
      if (answersConfiguration) held.push(msg);
      else send(msg);
    };
    await h.client.initialize(h.root, CONFIGURABLE);
    h.open(LLM);
  });

  after(async () => {
    await h?.stop();
  });

  it('analyses with the defaults after the deadline (logged), and applies the answer when it comes', async () => {
    const logged = await h.client.waitFor(() => h.client.notifications.findIndex((n) => n.method === 'window/logMessage' && /no settings from the client \(workspace\/configuration\) within 2 s/.test((n.params as { message: string }).message)) + 1, 'the deadline log line');
    const defaults = await h.diagnostics(LLM);
    assert.deepEqual(codes(defaults), ['missing-max-tokens', 'prompt-injection']);
    const firstPublish = h.client.notifications.findIndex((n) => n.method === 'textDocument/publishDiagnostics');
    assert.ok(firstPublish >= logged, 'nothing was analysed before the deadline');

    const since = h.client.published.length;
    assert.equal(held.length, 1);
    for (const msg of held.splice(0)) send(msg);
    assert.deepEqual(codes(await h.diagnostics(LLM, since)), ['missing-max-tokens'], 'the late answer applies');
  });
});
