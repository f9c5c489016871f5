// The Promptward extension: starts the bundled language server, and adds the commands, the threat-model sidebar,
// the status bar item and the report webview. It never analyses code itself: the server does (the same core as
// the CLI). Activated by TypeScript/JavaScript files, a .promptward.yaml, the sidebar or a command.
import * as path from 'path';
import * as vscode from 'vscode';
import { IGNORE_REASON_PLACEHOLDER } from '../../server/src/core/suppression-comment';
import { PromptwardServer } from './language-client';
import { ReportView, exportThreatModel, type ExportArgs } from './reports';
import { openRuleDocumentation } from './rule-docs';
import { FindingsStatusBar, SHOW_PROBLEMS_COMMAND, showProblems } from './status-bar';
import { ThreatModelTree, locationOf, type TreeNode } from './threat-model-tree';
import { WorkspaceScan } from './workspace-scan';
import { prelaunchServer } from './server-process';

// The server starts booting as soon as this module loads, while VS Code is still preparing the extension's
// context (see server-process.ts). dist/extension.js sits in the extension's dist/ folder.
prelaunchServer(path.resolve(__dirname, '..'));

/** What `activate` returns: the extension's parts, for other extensions and for the extension-host tests. */
export interface PromptwardApi {
  server: PromptwardServer;
  tree: ThreatModelTree;
  statusBar: FindingsStatusBar;
  workspaceScan: WorkspaceScan;
  output: vscode.LogOutputChannel;
}

export async function activate(context: vscode.ExtensionContext): Promise<PromptwardApi> {
  const activated = Date.now();
  const output = vscode.window.createOutputChannel('Promptward', { log: true });
  let tree: ThreatModelTree | undefined;
  const server = new PromptwardServer(context, output, {
    onRunning: () => tree?.invalidate(),
    onThreatModelChanged: () => tree?.invalidate(),
  });
  tree = new ThreatModelTree(server, output);
  const view = vscode.window.createTreeView('promptward.threatModel', { treeDataProvider: tree, showCollapseAll: true });
  tree.setVisible(view.visible);
  const statusBar = new FindingsStatusBar();
  const workspaceScan = new WorkspaceScan();
  const reportView = new ReportView(server);
  const t = tree;

  context.subscriptions.push(
    tree, view, statusBar, workspaceScan, reportView, server,
    view.onDidChangeVisibility((e) => t.setVisible(e.visible)),
    command('promptward.restartServer', async () => {
      await server.restart();
      void vscode.window.setStatusBarMessage('Promptward: server restarted', 3000);
    }),
    command('promptward.showOutput', () => output.show(true)),
    command('promptward.scanWorkspace', async () => {
      const client = server.languageClient;
      if (!client || !server.running) throw new Error('the Promptward server is not running (run "Promptward: Restart Server")');
      const summary = await workspaceScan.run(client);
      if (summary) {
        void vscode.window.showInformationMessage(`Promptward: ${summary.findings} finding${summary.findings === 1 ? '' : 's'} in ${summary.filesWithFindings} file${summary.filesWithFindings === 1 ? '' : 's'}.`);
      }
      return summary;
    }),
    command('promptward.exportThreatModel', (args?: ExportArgs) => exportThreatModel(server, args)),
    command('promptward.exportThreatModelMarkdown', () => exportThreatModel(server, { format: 'markdown' })),
    command('promptward.exportThreatModelHtml', () => exportThreatModel(server, { format: 'html' })),
    command('promptward.exportThreatModelJson', () => exportThreatModel(server, { format: 'json' })),
    command('promptward.openThreatModelReport', (folder?: vscode.Uri | string) => reportView.show(folder)),
    command('promptward.refreshThreatModel', () => t.refresh()),
    command('promptward.openRuleDocumentation', (arg?: string | TreeNode) => openRuleDocumentation(context.extensionPath, typeof arg === 'string' ? arg : arg?.node.ruleId)),
    command('promptward.ignoreFinding', (node?: TreeNode) => ignoreFinding(node)),
    command(SHOW_PROBLEMS_COMMAND, () => showProblems()),
  );

  // Last, so that it is disposed last: the client still logs while it stops (disposal is in order).
  context.subscriptions.push(output);
  output.info(`Activated in ${Date.now() - activated} ms; starting the language server.`);
  await server.start().catch((err: unknown) => {
    const message = `Promptward: the language server did not start: ${err instanceof Error ? err.message : String(err)}`;
    output.error(message);
    void vscode.window.showErrorMessage(message, 'Show Output').then((c) => c && output.show());
  });
  return { server, tree, statusBar, workspaceScan, output };

  function command(id: string, run: (...args: never[]) => unknown): vscode.Disposable {
    return vscode.commands.registerCommand(id, async (...args: never[]) => {
      try {
        return await run(...args);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        output.error(`${id}: ${message}`);
        void vscode.window.showErrorMessage(`Promptward: ${message}`);
        return undefined;
      }
    });
  }
}

/** "Ignore with a reason" on a threat in the sidebar: the server's own suppression edit, with the user's reason. */
async function ignoreFinding(node: TreeNode | undefined): Promise<boolean> {
  const target = node && locationOf(node);
  const ruleId = node?.node.ruleId;
  if (!target || !ruleId) return false;
  const editor = await vscode.window.showTextDocument(target.uri, { selection: target.range, preview: false });
  const actions = await waitForActions(editor.document.uri, target.range, `Ignore ${ruleId} on this line with a reason`);
  const action = actions?.edit;
  if (!action) {
    void vscode.window.showWarningMessage(`Promptward: this ${ruleId} finding cannot be ignored here (it may have changed since the threat model was built).`);
    return false;
  }
  const reason = (await vscode.window.showInputBox({
    title: `Ignore ${ruleId}`,
    prompt: 'Why is this safe? The reason is kept in the comment and in SARIF reports.',
    validateInput: (v) => (v.trim() ? undefined : 'A reason is required'),
  }))?.trim();
  if (!reason) return false;
  const edit = new vscode.WorkspaceEdit();
  for (const [uri, edits] of action.entries()) {
    for (const e of edits) edit.replace(uri, e.range, e.newText.replace(IGNORE_REASON_PLACEHOLDER, reason.replace(/\r?\n/g, ' ')));
  }
  return vscode.workspace.applyEdit(edit);
}

/** The code action with this title at the range, waiting (with a deadline) for the file's analysis. */
async function waitForActions(uri: vscode.Uri, range: vscode.Range, title: string): Promise<vscode.CodeAction | undefined> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value)) ?? [];
    const found = actions.find((a) => a.title === title);
    if (found || Date.now() > deadline) return found;
    await new Promise<void>((resolve) => {
      const done = vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => u.toString() === uri.toString())) finish();
      });
      const timer = setTimeout(finish, 500);
      function finish() {
        done.dispose();
        clearTimeout(timer);
        resolve();
      }
    });
  }
}

export function deactivate(): void {
  // Disposables in context.subscriptions stop the server.
}
