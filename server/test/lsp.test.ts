// The real language server (dist/server.js, and `promptward lsp --stdio`) spawned as a process and spoken to over
// LSP: diagnostics with codes, doc links and the data-flow path; quick fixes applied to the text; findings that
// change when another file changes; hover; the findings summary; pull diagnostics with progress; a broken config
// and a file that breaks the analysis, with the server still serving.
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { parseText, syntaxErrorCount } from '../src/core/quickfixes';
import { LspClient, applyLspEdits, editsFor, type CodeAction, type LspDiagnostic } from './helpers/lsp-client';
import { collectFiles } from '../src/core/files';
import { analyseFiles } from '../src/core/scan';
import { AUDIENCE_FROM_REQUEST, HELPER_PROJECT, REPO_ROOT, copyDemoApp, deepConcatenation, expectedLines, expectedRules, tempDir, writeFiles } from './helpers/projects';

const SERVER = path.join(REPO_ROOT, 'dist', 'server.js');
const CLI = path.join(REPO_ROOT, 'dist', 'promptward.js');

const PUSH_CAPABILITIES = {
  textDocument: {
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } }, isPreferredSupport: true, dataSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
  workspace: { workspaceEdit: { documentChanges: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
  window: { showDocument: { support: true }, workDoneProgress: true },
};

const PULL_CAPABILITIES = {
  ...PUSH_CAPABILITIES,
  textDocument: { ...PUSH_CAPABILITIES.textDocument, diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } },
  workspace: { ...PUSH_CAPABILITIES.workspace, diagnostics: { refreshSupport: true } },
};

const codes = (diagnostics: readonly LspDiagnostic[]) => diagnostics.map((d) => String(d.code)).sort();

function parses(file: string, text: string): boolean {
  return syntaxErrorCount(parseText(file, text)) === 0;
}

describe('language server over stdio (push diagnostics)', () => {
  let root = '';
  let client: LspClient;
  const temps: string[] = [];

  before(async () => {
    assert.ok(existsSync(SERVER), `${SERVER} is missing: run npm run build first`);
    root = copyDemoApp('lsp-push');
    temps.push(path.dirname(root));
    client = new LspClient(process.execPath, [SERVER, '--stdio']);
    const init = await client.initialize(root, PUSH_CAPABILITIES);
    assert.ok(init.capabilities.codeActionProvider);
    assert.equal(init.capabilities.diagnosticProvider, undefined, 'no pull diagnostics for a client without them');
  });

  after(async () => {
    await client?.stop();
    for (const t of temps) rmSync(t, { recursive: true, force: true });
  });

  const file = (rel: string) => path.join(root, rel);
  const uriOf = (rel: string) => pathToFileURL(file(rel)).href;
  const versionOf = new Map<string, number>();
  const textOf = new Map<string, string>();

  function open(rel: string): string {
    const text = readFileSync(file(rel), 'utf8');
    textOf.set(rel, text);
    versionOf.set(rel, 1);
    return client.open(file(rel), text, 1);
  }

  function change(rel: string, text: string): number {
    const version = (versionOf.get(rel) ?? 1) + 1;
    versionOf.set(rel, version);
    textOf.set(rel, text);
    client.change(uriOf(rel), text, version);
    return version;
  }

  /** The diagnostics published for the document's current version (waits for them). */
  function diagnostics(rel: string, what = `diagnostics of ${rel}`, check: (d: LspDiagnostic[]) => boolean = () => true): Promise<LspDiagnostic[]> {
    return client.waitFor(() => {
      const p = client.diagnostics.get(uriOf(rel));
      return p && p.version === versionOf.get(rel) && check(p.diagnostics) ? p.diagnostics : undefined;
    }, what);
  }

  it('publishes diagnostics with code, doc link, severity and the data-flow path in order', async () => {
    open('server/services/llm.ts');
    const diags = await diagnostics('server/services/llm.ts');
    assert.deepEqual(codes(diags), expectedRules('server/services/llm.ts'));
    assert.ok(codes(diags).includes('prompt-injection') && codes(diags).includes('missing-max-tokens'));
    for (const d of diags) {
      assert.equal(d.source, 'promptward');
      assert.equal(d.codeDescription?.href, `https://github.com/promptward/promptward/blob/main/rules/docs/${d.code}.md`);
      assert.ok(d.message.length > 20);
    }
    const pi = diags.find((d) => d.code === 'prompt-injection')!;
    assert.equal(pi.severity, 1);
    assert.deepEqual(pi.range.start, { line: expectedLines('server/services/llm.ts', 'prompt-injection')[0] - 1, character: 24 }, 'content: systemPrompt');
    const related = pi.relatedInformation!;
    assert.ok(related.length >= 3);
    assert.match(related[0].message, /^source: req\.body/);
    assert.equal(related[0].location.uri, uriOf('server/routes/chat.ts'));
    assert.ok(related.slice(1, -1).every((r, i) => r.message.startsWith(`step ${i + 1}: `)), related.map((r) => r.message).join('\n'));
    assert.ok(related.some((r) => r.location.uri === uriOf('server/services/prompts.ts')), 'through services/prompts.ts');
    assert.match(related[related.length - 1].message, /^sink: /);
    assert.equal(related[related.length - 1].location.uri, uriOf('server/services/llm.ts'));
  });

  it('hover on a finding shows the rule, OWASP and CWE ids and the path', async () => {
    const diags = await diagnostics('server/services/llm.ts');
    const pi = diags.find((d) => d.code === 'prompt-injection')!;
    const hover = await client.request<{ contents: { kind: string; value: string } }>('textDocument/hover', { textDocument: { uri: uriOf('server/services/llm.ts') }, position: pi.range.start });
    assert.equal(hover.contents.kind, 'markdown');
    const md = hover.contents.value;
    assert.match(md, /prompt-injection/);
    assert.match(md, /LLM01/);
    assert.match(md, /CWE-1427/);
    assert.match(md, /\*\*Data flow\*\*/);
    assert.match(md, /1\. source: req\.body/);
    assert.match(md, /routes\/chat\.ts:27/);
    assert.match(md, /\[Rule documentation\]\(https:\/\/github\.com\/promptward\/promptward\/blob\/main\/rules\/docs\/prompt-injection\.md\)/);
    const none = await client.request('textDocument/hover', { textDocument: { uri: uriOf('server/services/llm.ts') }, position: { line: 0, character: 0 } });
    assert.equal(none, null);
  });

  it('code actions: the fix (preferred), ignore with a reason and the documentation, each with its diagnostic', async () => {
    const rel = 'server/services/llm.ts';
    const diags = await diagnostics(rel);
    const cap = diags.find((d) => d.code === 'missing-max-tokens')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uriOf(rel) }, range: cap.range, context: { diagnostics: [cap] } });
    const forCap = actions.filter((a) => a.diagnostics?.[0]?.code === 'missing-max-tokens');
    assert.deepEqual(forCap.map((a) => a.title), ['Add max_completion_tokens: 1024', 'Ignore missing-max-tokens on this line with a reason', 'Show documentation for missing-max-tokens']);
    assert.ok(forCap.every((a) => a.kind === 'quickfix'));
    assert.equal(forCap[0].isPreferred, true);
    assert.deepEqual(forCap[0].diagnostics, [cap], 'the diagnostic from the request is attached');
    assert.deepEqual(forCap[0].edit!.documentChanges![0].textDocument, { uri: uriOf(rel), version: 1 }, 'edits are tied to the document version');
    const docs = forCap[2];
    assert.deepEqual(docs.command, { title: docs.title, command: 'promptward.showRuleDocumentation', arguments: [cap.codeDescription!.href] });
    await client.request('workspace/executeCommand', { command: docs.command!.command, arguments: docs.command!.arguments });
    const shown = client.serverRequests.find((r) => r.method === 'window/showDocument');
    assert.deepEqual(shown?.params, { uri: cap.codeDescription!.href, external: true });

    // The preferred fix, applied to the text: it parses, removes the finding, adds none.
    const fixed = applyLspEdits(textOf.get(rel)!, editsFor(forCap[0].edit!, uriOf(rel)));
    assert.ok(parses(file(rel), fixed));
    change(rel, fixed);
    assert.deepEqual(codes(await diagnostics(rel)), expectedRules(rel).filter((r) => r !== 'missing-max-tokens'));
  });

  it('the ignore action suppresses the finding once its reason is in place', async () => {
    const rel = 'server/services/llm.ts';
    const pi = (await diagnostics(rel)).find((d) => d.code === 'prompt-injection')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uriOf(rel) }, range: pi.range, context: { diagnostics: [pi], only: ['quickfix'] } });
    const ignore = actions.find((a) => a.title.startsWith('Ignore prompt-injection'))!;
    const text = applyLspEdits(textOf.get(rel)!, editsFor(ignore.edit!, uriOf(rel)));
    assert.match(text, /\n {6}\/\/ promptward-ignore-next-line prompt-injection -- TODO: say why this is safe\n {6}\{ role: "system"/);
    change(rel, text);
    assert.deepEqual(codes(await diagnostics(rel)), expectedRules(rel).filter((r) => r !== 'missing-max-tokens' && r !== 'prompt-injection'));
  });

  it('source.fixAll.promptward applies the safe fixes of a file', async () => {
    const rel = 'server/lib/clients.ts';
    open(rel);
    assert.deepEqual(codes(await diagnostics(rel)), expectedRules(rel));
    assert.ok(codes(await diagnostics(rel)).includes('hardcoded-llm-key'));
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uriOf(rel) }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } });
    assert.deepEqual(actions.map((a) => [a.kind, a.title]), [['source.fixAll.promptward', 'Fix all safe Promptward problems']]);
    const text = applyLspEdits(textOf.get(rel)!, editsFor(actions[0].edit!, uriOf(rel)));
    // The environment is already read: the hard-coded fallback after `??` is dropped.
    assert.match(text, /apiKey: process\.env\.ANTHROPIC_API_KEY,/);
    assert.doesNotMatch(text, /sk-ant-/);
    change(rel, text);
    assert.deepEqual(codes(await diagnostics(rel)), expectedRules(rel).filter((r) => r !== 'hardcoded-llm-key'));
  });

  it('an edit in one file changes the findings of another open file', async () => {
    const target = 'server/services/llm.ts';
    // Undo the ignore comment, so prompt-injection shows again.
    const restored = textOf.get(target)!.replace(/ *\/\/ promptward-ignore-next-line[^\n]*\n/, '');
    change(target, restored);
    assert.ok(codes(await diagnostics(target)).includes('prompt-injection'));
    const rel = 'server/services/prompts.ts';
    open(rel);
    await diagnostics(rel);
    const published = client.published.length;
    change(rel, textOf.get(rel)!.replace('`Use a ${tone} tone in every answer.`', '"Use a friendly tone in every answer."'));
    await client.waitFor(() => client.published.slice(published).some((p) => p.uri === uriOf(target) && !codes(p.diagnostics).includes('prompt-injection')), 'llm.ts without prompt-injection');
    const again = client.published.length;
    change(rel, readFileSync(file(rel), 'utf8'));
    await client.waitFor(() => client.published.slice(again).some((p) => p.uri === uriOf(target) && codes(p.diagnostics).includes('prompt-injection')), 'llm.ts with prompt-injection again');
  });

  it('answers the findings summary for the folder: the whole-folder analysis, minus what the open documents fixed', async () => {
    const summary = await client.request<{ folders: { folder: string; total: number; suppressed: number; files: number; bySeverity: Record<string, number>; byRule: Record<string, { total: number }> }[] }>('promptward/findingsSummary', {});
    assert.equal(summary.folders.length, 1);
    const s = summary.folders[0];
    assert.equal(s.folder, pathToFileURL(root).href);
    // The disk still has the demo app as it was; the open documents fixed the cap in llm.ts and the key in clients.ts.
    const onDisk = analyseFiles(root, collectFiles([root], root).files).findings;
    const count = (rule: string) => onDisk.filter((f) => f.ruleId === rule).length;
    assert.equal(s.total, onDisk.length - 2);
    assert.equal(s.byRule['prompt-injection'].total, count('prompt-injection'));
    assert.equal(s.byRule['missing-max-tokens'].total, count('missing-max-tokens') - 1);
    assert.equal(s.byRule['hardcoded-llm-key']?.total ?? 0, count('hardcoded-llm-key') - 1);
    assert.equal(s.bySeverity.error + s.bySeverity.warning + s.bySeverity.info, s.total);
    assert.equal(s.files, collectFiles([root], root).files.length);
  });

  it('a file that makes the analysis throw gets no diagnostics, is logged once, and the server keeps serving', async () => {
    const rel = 'server/deep.ts';
    writeFileSync(file(rel), deepConcatenation(30_000));
    open(rel);
    assert.deepEqual(await diagnostics(rel), []);
    await client.waitFor(() => /deep\.ts: analysis failed/.test(client.logText()), 'the failure in the log');
    change(rel, textOf.get(rel)! + '\n');
    await diagnostics(rel);
    assert.equal(client.logText().match(/deep\.ts: analysis failed/g)!.length, 1, 'logged once');
    // Still serving: a fresh edit elsewhere gets fresh diagnostics.
    const other = 'server/services/llm.ts';
    change(other, textOf.get(other)!.replace('temperature: 0.3,', 'temperature: 0.3,\n    max_tokens: 100,'));
    assert.ok(!codes(await diagnostics(other)).includes('missing-max-tokens'));
    assert.ok(client.alive);
  });

  it('a document over the size limit is not analysed', async () => {
    const rel = 'server/huge.ts';
    const text = `import OpenAI from 'openai';\nconst openai = new OpenAI({ apiKey: 'sk-ant-api03-3FIw9jCJQA4gzf3HG6tnK0vD9lCplimbD72YYxRmqtcbfnZUIF8FsOglmqFjajSLxcRP29_iypfrTfZZ3XNAoRnZcQ3HpAA' });\n// ${'x'.repeat(1024 * 1024)}\n`;
    writeFileSync(file(rel), text);
    open(rel);
    assert.deepEqual(await diagnostics(rel), []);
    await client.waitFor(() => /huge\.ts is larger than 1024 KB/.test(client.logText()), 'the size note in the log');
  });

  it('a broken .promptward.yaml is a diagnostic on the config file; fixing it clears it', async () => {
    const config = file('.promptward.yaml');
    const configUri = pathToFileURL(config).href;
    writeFileSync(config, 'rules:\n  prompt-injection: loud\n');
    client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 1 }] });
    const problem = await client.waitFor(() => client.diagnostics.get(configUri)?.diagnostics[0], 'a diagnostic on .promptward.yaml');
    assert.equal(problem.source, 'promptward');
    assert.equal(problem.range.start.line, 1);
    assert.match(problem.message, /prompt-injection|loud/);
    // Still serving, with the defaults.
    assert.ok(codes(await diagnostics('server/services/llm.ts')).includes('prompt-injection'));
    writeFileSync(config, 'rules:\n  prompt-injection: info\n');
    client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    await client.waitFor(() => client.diagnostics.get(configUri)?.diagnostics.length === 0, 'the config diagnostic cleared');
    // The configured level applies.
    await client.waitFor(() => client.diagnostics.get(uriOf('server/services/llm.ts'))?.diagnostics.find((d) => d.code === 'prompt-injection' && d.severity === 3), 'prompt-injection as information');
    rmSync(config);
    client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 3 }] });
  });

  it('closing a document clears its diagnostics', async () => {
    const rel = 'server/lib/clients.ts';
    const published = client.published.length;
    client.close(uriOf(rel));
    await client.waitFor(() => client.published.slice(published).some((p) => p.uri === uriOf(rel) && p.diagnostics.length === 0), 'cleared diagnostics');
  });
});

describe('language server over stdio (pull diagnostics)', () => {
  let root = '';
  let client: LspClient;

  before(async () => {
    root = tempDir('lsp-pull');
    writeFiles(root, HELPER_PROJECT);
    client = new LspClient(process.execPath, [SERVER, '--stdio']);
    const init = await client.initialize(root, PULL_CAPABILITIES);
    assert.deepEqual(init.capabilities.diagnosticProvider, { identifier: 'promptward', interFileDependencies: true, workspaceDiagnostics: true });
  });

  after(async () => {
    await client?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  type Report = { kind: 'full' | 'unchanged'; resultId?: string; items?: LspDiagnostic[] };
  const pullDoc = (uri: string, previousResultId?: string) => client.request<Report>('textDocument/diagnostic', { textDocument: { uri }, previousResultId });

  it('opening a file asks for no refresh while the connected files with findings are not open', async () => {
    // (VS Code answers a refresh by cancelling the pull of the file just opened and asking again: a slower start.)
    const uri = client.open(path.join(root, 'src/audience.ts'), readFileSync(path.join(root, 'src/audience.ts'), 'utf8'));
    assert.deepEqual((await pullDoc(uri)).items, []); // answered once the run that analysed summary.ts too is over
    const summary = await client.request<Report>('textDocument/diagnostic', { textDocument: { uri: pathToFileURL(path.join(root, 'src/summary.ts')).href } });
    assert.ok(summary.items!.length > 0, 'summary.ts, imported with audience.ts, has findings');
    assert.deepEqual(client.serverRequests.filter((r) => r.method === 'workspace/diagnostic/refresh'), []);
    client.close(uri);
  });

  it('answers textDocument/diagnostic, then "unchanged" for the same result', async () => {
    const uri = client.open(path.join(root, 'src/summary.ts'), readFileSync(path.join(root, 'src/summary.ts'), 'utf8'));
    const first = await pullDoc(uri);
    assert.equal(first.kind, 'full');
    assert.deepEqual(codes(first.items!), ['missing-rate-limit', 'unauthenticated-llm-endpoint']);
    const second = await pullDoc(uri, first.resultId);
    assert.deepEqual(second, { kind: 'unchanged', resultId: first.resultId });
    assert.equal(client.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics').length, 0, 'nothing pushed to a pull client');
  });

  it('a helper that starts returning request data: the server asks for a refresh and the caller shows prompt-injection', async () => {
    const summaryUri = pathToFileURL(path.join(root, 'src/summary.ts')).href;
    const audience = path.join(root, 'src/audience.ts');
    const uri = client.open(audience, readFileSync(audience, 'utf8'));
    assert.deepEqual((await pullDoc(uri)).items, []);
    const refreshes = client.serverRequests.filter((r) => r.method === 'workspace/diagnostic/refresh').length;
    client.change(uri, AUDIENCE_FROM_REQUEST, 2);
    await pullDoc(uri);
    await client.waitFor(() => client.serverRequests.filter((r) => r.method === 'workspace/diagnostic/refresh').length > refreshes, 'workspace/diagnostic/refresh');
    const report = await pullDoc(summaryUri);
    const pi = report.items!.find((d) => d.code === 'prompt-injection');
    assert.ok(pi, 'prompt-injection in summary.ts');
    assert.ok(pi.relatedInformation!.some((r) => r.location.uri === uri), 'its path goes through audience.ts');
  });

  it('workspace/diagnostic scans the folder with progress and reports unchanged results as such', async () => {
    writeFiles(root, { 'src/keys.ts': `export const KEY = 'sk-ant-api03-3FIw9jCJQA4gzf3HG6tnK0vD9lCplimbD72YYxRmqtcbfnZUIF8FsOglmqFjajSLxcRP29_iypfrTfZZ3XNAoRnZcQ3HpAA';\n` });
    client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(root, 'src/keys.ts')).href, type: 1 }] });
    const token = 'scan-1';
    const report = await client.request<{ items: (Report & { uri: string; version: number | null })[] }>('workspace/diagnostic', { previousResultIds: [], workDoneToken: token });
    const progress = client.notifications.filter((n) => n.method === '$/progress' && (n.params as { token: string }).token === token).map((n) => (n.params as { value: { kind: string } }).value.kind);
    assert.equal(progress[0], 'begin');
    assert.equal(progress[progress.length - 1], 'end');
    const byUri = new Map(report.items.map((i) => [path.basename(new URL(i.uri).pathname), i]));
    assert.deepEqual(codes(byUri.get('keys.ts')!.items!), ['hardcoded-llm-key']);
    assert.equal(byUri.get('keys.ts')!.version, null);
    assert.ok(codes(byUri.get('summary.ts')!.items!).includes('prompt-injection'));
    const again = await client.request<{ items: (Report & { uri: string })[] }>('workspace/diagnostic', { previousResultIds: report.items.map((i) => ({ uri: i.uri, value: i.resultId })) });
    assert.ok(again.items.every((i) => i.kind === 'unchanged'), JSON.stringify(again.items.map((i) => i.kind)));
  });
});

describe('promptward lsp --stdio', () => {
  it('runs the same server from the CLI bundle', async () => {
    const root = tempDir('lsp-cli');
    writeFiles(root, HELPER_PROJECT);
    const client = new LspClient(process.execPath, [CLI, 'lsp', '--stdio']);
    try {
      const init = await client.initialize(root, PUSH_CAPABILITIES);
      assert.ok(init.capabilities.hoverProvider);
      const uri = client.open(path.join(root, 'src/summary.ts'), readFileSync(path.join(root, 'src/summary.ts'), 'utf8'));
      const published = await client.waitFor(() => client.diagnostics.get(uri), 'diagnostics');
      assert.deepEqual(codes(published.diagnostics), ['missing-rate-limit', 'unauthenticated-llm-endpoint']);
      // A file outside every workspace folder is analysed on its own.
      const outside = tempDir('lsp-loose');
      writeFiles(outside, { 'keys.ts': `export const KEY = 'sk-ant-api03-3FIw9jCJQA4gzf3HG6tnK0vD9lCplimbD72YYxRmqtcbfnZUIF8FsOglmqFjajSLxcRP29_iypfrTfZZ3XNAoRnZcQ3HpAA';\n` });
      const looseUri = client.open(path.join(outside, 'keys.ts'), readFileSync(path.join(outside, 'keys.ts'), 'utf8'));
      const loose = await client.waitFor(() => client.diagnostics.get(looseUri), 'diagnostics of a loose file');
      assert.deepEqual(codes(loose.diagnostics), ['hardcoded-llm-key']);
      rmSync(outside, { recursive: true, force: true });
    } finally {
      await client.stop();
      rmSync(root, { recursive: true, force: true });
    }
    assert.equal(client.exitCode, 0, 'exits cleanly after shutdown and exit');
  });

  it('a broken config found at start-up is a diagnostic on it, and the server analyses with the defaults', async () => {
    const root = tempDir('lsp-bad-config');
    writeFiles(root, { ...HELPER_PROJECT, '.promptward.yaml': 'rules:\n  missing-rate-limit: off\nfrobnicate: true\n' });
    const client = new LspClient(process.execPath, [CLI, 'lsp', '--stdio']);
    try {
      await client.initialize(root, PUSH_CAPABILITIES);
      const configUri = pathToFileURL(path.join(root, '.promptward.yaml')).href;
      const problem = await client.waitFor(() => client.diagnostics.get(configUri)?.diagnostics[0], 'a diagnostic on .promptward.yaml');
      assert.match(problem.message, /unknown key "frobnicate"/);
      assert.equal(problem.range.start.line, 2);
      const uri = client.open(path.join(root, 'src/summary.ts'), readFileSync(path.join(root, 'src/summary.ts'), 'utf8'));
      const published = await client.waitFor(() => client.diagnostics.get(uri), 'diagnostics');
      assert.ok(codes(published.diagnostics).includes('missing-rate-limit'), 'the defaults apply (the broken config turns nothing off)');
    } finally {
      await client.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('dist/server.js also speaks over --node-ipc, the transport of the VS Code client', async () => {
    const root = tempDir('lsp-ipc');
    writeFiles(root, HELPER_PROJECT);
    const child = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    try {
      const file = path.join(root, 'src/summary.ts');
      const uri = pathToFileURL(file).href;
      const published = new Promise<{ uri: string; diagnostics: LspDiagnostic[] }>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no diagnostics over IPC within 30 s')), 30_000);
        child.on('message', (msg: { id?: number; method?: string; params?: { uri: string; diagnostics: LspDiagnostic[] } }) => {
          if (msg.id === 1 && !msg.method) {
            child.send({ jsonrpc: '2.0', method: 'initialized', params: {} });
            child.send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'typescript', version: 1, text: readFileSync(file, 'utf8') } } });
          }
          if (msg.method === 'textDocument/publishDiagnostics' && msg.params?.uri === uri) {
            clearTimeout(timer);
            resolve(msg.params);
          }
        });
      });
      child.send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: {} } });
      assert.deepEqual(codes((await published).diagnostics), ['missing-rate-limit', 'unauthenticated-llm-endpoint']);
    } finally {
      child.kill();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
