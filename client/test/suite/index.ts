// Extension-host tests: run inside a real VS Code (code-server here, @vscode/test-electron where VS Code can be
// downloaded) with the extension loaded from the repository and a copy of the demo app as the workspace. They use
// only the VS Code API: the diagnostics of opened files against the CLI's findings for the same files, the
// related information (the data-flow path), a quick fix applied through the code action provider, the status bar
// counts, the sidebar's tree, the export command and the report webview.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PromptwardApi } from '../../src/extension';
import type { TreeNode } from '../../src/threat-model-tree';
import { runAll, until } from './runner';

const EXTENSION_ID = 'promptward.promptward';

interface CliFinding {
  ruleId: string;
  severity: string;
  location: { path: string; startLine: number; startColumn: number; endLine: number; endColumn: number };
  path: { label: string; location: { path: string; startLine: number } }[];
}

/** The CLI's findings for the workspace (the same core, run as a process): what the editor must show. */
function cliFindings(extensionPath: string, root: string): CliFinding[] {
  const run = spawnSync(process.execPath, [path.join(extensionPath, 'dist', 'promptward.js'), 'scan', root, '--format', 'json', '--no-config'], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  // Exit code 1 means "findings reported".
  assert.ok(run.status === 0 || run.status === 1, `promptward scan exited with ${run.status}: ${run.stderr}`);
  return (JSON.parse(run.stdout) as { findings: CliFinding[] }).findings;
}

const key = (rule: string, r: { startLine: number; startColumn: number; endLine: number; endColumn: number }) => `${rule}@${r.startLine}:${r.startColumn}-${r.endLine}:${r.endColumn}`;
const keyOf = (d: vscode.Diagnostic) => key(String(typeof d.code === 'object' ? d.code.value : d.code), { startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1 });
const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'promptward');

async function openFile(root: vscode.Uri, rel: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(root, ...rel.split('/')));
  // Right after a webview closes, the workbench can refuse to open an editor for a moment: retry to a deadline.
  return until(async () => vscode.window.showTextDocument(doc, { preview: false, viewColumn: vscode.ViewColumn.One }), `an editor for ${rel}`, 15_000, 200);
}

function flatten(tree: PromptwardApi['tree'], nodes: TreeNode[] = tree.getChildren()): TreeNode[] {
  return nodes.flatMap((n) => [n, ...flatten(tree, tree.getChildren(n))]);
}

export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension<PromptwardApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed in this VS Code`);
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder (a copy of test-fixtures/demo-app)');
  const root = folder.uri;
  const expected = cliFindings(extension.extensionPath, root.fsPath);
  const expectedIn = (rel: string) => expected.filter((f) => f.location.path === rel);
  const trustEnabled = vscode.workspace.getConfiguration('security.workspace.trust').get<boolean>('enabled');
  let api: PromptwardApi | undefined;

  await runAll('promptward', [
    {
      name: 'is not active until a TypeScript/JavaScript file opens, then activates (also in an untrusted workspace)',
      run: async () => {
        assert.equal(extension.isActive, false, 'activated at start-up, before any file was opened');
        await openFile(root, 'server/services/llm.ts');
        api = await until(() => extension.isActive && extension.exports, 'the extension to activate', 30_000);
        await until(() => api!.server.running, 'the language server to run', 30_000);
        if (trustEnabled) assert.equal(vscode.workspace.isTrusted, false, 'this run is meant to be in an untrusted workspace');
      },
    },
    {
      name: 'shows the CLI\'s findings for each opened file as diagnostics: codes, ranges, severities, doc links',
      run: async () => {
        for (const rel of ['server/services/llm.ts', 'server/routes/tickets.ts', 'web/src/lib/openaiBrowser.ts', 'server/index.ts']) {
          const editor = await openFile(root, rel);
          const want = expectedIn(rel).map((f) => key(f.ruleId, f.location)).sort();
          assert.ok(want.length > 0, `the demo app has findings in ${rel}`);
          const got = await until(() => {
            const keys = ours(editor.document.uri).map(keyOf).sort();
            return JSON.stringify(keys) === JSON.stringify(want) && keys;
          }, `diagnostics of ${rel} = ${want.join(', ')} (have ${ours(editor.document.uri).map(keyOf).join(', ')})`, 30_000);
          assert.deepEqual(got, want);
          for (const d of ours(editor.document.uri)) {
            const code = d.code as { value: string; target: vscode.Uri };
            assert.match(code.target.toString(), new RegExp(`rules/docs/${code.value}\\.md$`));
            const f = expectedIn(rel).find((x) => keyOf(d) === key(x.ruleId, x.location))!;
            const severity = { error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, info: vscode.DiagnosticSeverity.Information }[f.severity];
            assert.equal(d.severity, severity, `${keyOf(d)} severity`);
          }
        }
      },
    },
    {
      name: 'carries the data-flow path as related information, source to sink, in order',
      run: async () => {
        const rel = 'server/routes/tickets.ts';
        const uri = vscode.Uri.joinPath(root, ...rel.split('/'));
        const withPath = expectedIn(rel).filter((f) => f.path.length >= 2);
        assert.ok(withPath.length > 0);
        for (const f of withPath) {
          const d = ours(uri).find((x) => keyOf(x) === key(f.ruleId, f.location));
          assert.ok(d, `diagnostic ${key(f.ruleId, f.location)} (have ${ours(uri).map(keyOf).join(', ')}; open: ${vscode.workspace.textDocuments.map((x) => x.uri.toString()).join(', ')})`);
          const related = d.relatedInformation ?? [];
          assert.deepEqual(related.map((r) => `${vscode.workspace.asRelativePath(r.location.uri, false)}:${r.location.range.start.line + 1}`), f.path.map((s) => `${s.location.path}:${s.location.startLine}`));
          assert.ok(related.every((r, i) => r.message.includes(f.path[i]!.label)), related.map((r) => r.message).join(' | '));
        }
      },
    },
    {
      name: 'counts the active file\'s findings in the status bar',
      run: async () => {
        const editor = await openFile(root, 'server/routes/tickets.ts');
        const want = { error: 0, warning: 0, info: 0 };
        for (const f of expectedIn('server/routes/tickets.ts')) want[f.severity as keyof typeof want]++;
        await until(() => { api!.statusBar.update(); return JSON.stringify(api!.statusBar.counts) === JSON.stringify(want); }, `status bar counts ${JSON.stringify(want)} (have ${JSON.stringify(api!.statusBar.counts)} for ${vscode.window.activeTextEditor?.document.uri.toString()})`);
        assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), editor.document.uri.toString());
      },
    },
    {
      name: 'fills the threat-model sidebar: six checklist items, entry points, components, flows, tools, threats by category',
      run: async () => {
        await vscode.commands.executeCommand('workbench.view.extension.promptward');
        const tree = api!.tree;
        await tree.refresh();
        const sections = tree.getChildren();
        assert.deepEqual(sections.map((s) => s.node.label), ['Checklist', 'Entry points', 'AI components', 'Data flows', 'Tools', 'Threats by OWASP category']);
        const checklist = tree.getChildren(sections[0]);
        assert.equal(checklist.length, 6);
        assert.deepEqual(checklist.map((c) => c.node.label.replace(/^\d\. /, '')), [
          'Sensitive data mapped',
          'Least privilege and strong authentication on model endpoints',
          'Anonymisation or redaction before sensitive data reaches a model',
          'Adversarial and red-team tests',
          'Logging and anomaly detection around LLM calls',
          'AI incident response plan',
        ]);
        for (const c of checklist) assert.match(String(c.node.description), /^(met|partly met|not met|unknown)$/);
        const threats = flatten(tree).filter((n) => n.node.kind === 'threat');
        // A finding is listed under each OWASP category its rule maps to (secret-in-prompt: LLM02 and LLM07).
        const findings = (xs: { ruleId?: string; file?: string; line?: number }[]) => [...new Set(xs.map((x) => `${x.ruleId}@${x.file}:${x.line}`))].sort();
        assert.deepEqual(
          findings(threats.map((x) => ({ ruleId: x.node.ruleId, file: x.node.location?.file, line: x.node.location?.line }))),
          findings(expected.map((f) => ({ ruleId: f.ruleId, file: f.location.path, line: f.location.startLine }))),
        );
        for (const category of tree.getChildren(sections[5])) {
          assert.equal(tree.getChildren(category).length, Number(/^\d+/.exec(String(category.node.description))![0]), `${category.node.label}: its count`);
        }
        // Every leaf with a location opens it.
        const item = tree.getTreeItem(threats[0]!);
        assert.equal(item.command?.command, 'vscode.open');
        assert.equal(item.contextValue, 'threat');
        await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
        const opened = vscode.window.activeTextEditor!;
        assert.equal(vscode.workspace.asRelativePath(opened.document.uri, false), threats[0]!.node.location!.file);
        assert.equal(opened.selection.start.line + 1, threats[0]!.node.location!.line);
      },
    },
    {
      name: 'exports the threat model in each format',
      run: async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'promptward-export-'));
        const starts: Record<string, RegExp> = { markdown: /^# Threat model: /, html: /^<!doctype html>/i, json: /^\{\n {2}"schemaVersion": 1,/ };
        for (const format of ['markdown', 'html', 'json'] as const) {
          const target = path.join(dir, `model.${format}`);
          const written = await vscode.commands.executeCommand<vscode.Uri>('promptward.exportThreatModel', { format, target, folder: root.toString() });
          assert.equal(written?.fsPath, target);
          assert.match(fs.readFileSync(target, 'utf8'), starts[format]!);
        }
        const model = JSON.parse(fs.readFileSync(path.join(dir, 'model.json'), 'utf8')) as { summary: { threats: { total: number } } };
        assert.equal(model.summary.threats.total, expected.length);
        fs.rmSync(dir, { recursive: true, force: true });
      },
    },
    {
      name: 'opens the HTML report in a webview with a strict content security policy',
      run: async () => {
        const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>('promptward.openThreatModelReport', root.toString());
        assert.ok(panel, 'a webview panel');
        assert.equal(panel.webview.options.enableScripts, false);
        assert.match(panel.webview.html, /Content-Security-Policy" content="default-src 'none';/);
        assert.match(panel.webview.html, /<svg[\s>]/);
        panel.dispose();
      },
    },
    {
      name: 'Scan Workspace reports every file\'s findings; files not open get them in their own collection',
      run: async () => {
        const summary = await vscode.commands.executeCommand<{ findings: number; filesWithFindings: number }>('promptward.scanWorkspace');
        assert.ok(summary, 'the scan returned a summary');
        assert.equal(summary.findings, expected.length);
        assert.equal(summary.filesWithFindings, new Set(expected.map((f) => f.location.path)).size);
        const rel = 'server/services/agent.ts'; // never opened by these tests
        const uri = vscode.Uri.joinPath(root, ...rel.split('/'));
        const got = api!.workspaceScan.collection.get(uri)?.map(keyOf).sort() ?? [];
        assert.deepEqual(got, expectedIn(rel).map((f) => key(f.ruleId, f.location)).sort());
        assert.ok(vscode.languages.getDiagnostics(uri).some((d) => d.source === 'promptward'), 'shown in the Problems view');
      },
    },
    {
      name: 'a crashed server is restarted, and Restart Server brings up a fresh one; both serve again',
      timeoutMs: 90_000,
      run: async () => {
        const serverPids = () => {
          const out = spawnSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' }).stdout;
          return out.split('\n').map((l) => l.trim().split(/\s+/)).filter((p) => p[1] === String(process.pid) && p.slice(2).some((a) => a.endsWith('server-boot.js'))).map((p) => Number(p[0]));
        };
        const [pid] = await until(() => serverPids().length === 1 && serverPids(), 'one language server process');
        process.kill(pid!, 'SIGKILL');
        await until(() => { const now = serverPids(); return now.length === 1 && now[0] !== pid && api!.server.running; }, 'a new server process after the crash', 30_000);
        const editor = await openFile(root, 'server/routes/admin.ts');
        const want = expectedIn('server/routes/admin.ts').map((f) => key(f.ruleId, f.location)).sort();
        await until(() => JSON.stringify(ours(editor.document.uri).map(keyOf).sort()) === JSON.stringify(want), 'diagnostics of admin.ts from the restarted server', 30_000);

        const [before] = serverPids();
        await vscode.commands.executeCommand('promptward.restartServer');
        await until(() => { const now = serverPids(); return now.length === 1 && now[0] !== before && api!.server.running; }, 'a fresh server after Restart Server', 30_000);
        const model = await api!.server.request<{ model: { summary: { threats: { total: number } } } }>('promptward/threatModel', { folder: root.toString() });
        assert.equal(model.model.summary.threats.total, expected.length);
      },
    },
    {
      name: 'settings apply as they change: a rule turned off, then Promptward disabled, then back to the defaults',
      timeoutMs: 90_000,
      run: async () => {
        const editor = await openFile(root, 'server/services/llm.ts');
        const uri = editor.document.uri;
        const codes = () => ours(uri).map((d) => (d.code as { value: string }).value).sort();
        const all = expectedIn('server/services/llm.ts').map((f) => f.ruleId).sort();
        await until(() => JSON.stringify(codes()) === JSON.stringify(all), `all findings of llm.ts (${all.join(', ')})`);
        const config = vscode.workspace.getConfiguration('promptward', root);
        try {
          await config.update('rules', { 'missing-max-tokens': 'off' }, vscode.ConfigurationTarget.Workspace);
          await until(() => JSON.stringify(codes()) === JSON.stringify(all.filter((r) => r !== 'missing-max-tokens')), `missing-max-tokens gone (have ${codes().join(', ')})`, 30_000);
          await config.update('enable', false, vscode.ConfigurationTarget.Workspace);
          await until(() => codes().length === 0, `no diagnostics while disabled (have ${codes().join(', ')})`, 30_000);
        } finally {
          await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
          await config.update('enable', undefined, vscode.ConfigurationTarget.Workspace);
        }
        await until(() => JSON.stringify(codes()) === JSON.stringify(all), `all findings back (have ${codes().join(', ')})`, 30_000);
      },
    },
    {
      name: 'applies the preferred quick fix through the code action provider, and the finding disappears',
      run: async () => {
        const rel = 'server/services/llm.ts';
        const editor = await openFile(root, rel);
        const uri = editor.document.uri;
        const target = await until(() => ours(uri).find((d) => (d.code as { value: string }).value === 'missing-max-tokens'), 'a missing-max-tokens diagnostic in llm.ts');
        const actions = await until(async () => {
          const list = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, target.range, vscode.CodeActionKind.QuickFix.value);
          return list?.some((a) => a.isPreferred && a.edit) && list;
        }, 'a preferred quick fix');
        const titles = actions.map((a) => a.title);
        assert.ok(titles.includes('Ignore missing-max-tokens on this line with a reason'), titles.join(' | '));
        assert.ok(titles.includes('Show documentation for missing-max-tokens'), titles.join(' | '));
        const fix = actions.find((a) => a.isPreferred && a.edit)!;
        // (executeCodeActionProvider does not return the attached diagnostics; the LSP tests check them.)
        assert.equal(fix.kind?.value, 'quickfix');
        const before = ours(uri).length;
        assert.ok(await vscode.workspace.applyEdit(fix.edit!));
        await until(() => !ours(uri).some((d) => keyOf(d) === keyOf(target)) && ours(uri).length === before - 1, 'the fixed finding to disappear (and nothing new to appear)');
        await vscode.commands.executeCommand('workbench.action.files.revert');
      },
    },
  ]);
}
