// Exporting the threat model (Markdown, HTML, JSON) and showing the HTML report in a webview. The server renders
// the reports (the same text as `promptward threat-model`); the client only saves or shows them.
import * as vscode from 'vscode';
import { THREAT_MODEL_REQUEST, type ThreatModelFormat, type ThreatModelParams, type ThreatModelResult } from '../../server/src/lsp/protocol';
import type { ModelSource } from './threat-model-tree';

export const FORMATS: { format: ThreatModelFormat; label: string; extension: string }[] = [
  { format: 'markdown', label: 'Markdown (with a Mermaid diagram)', extension: 'md' },
  { format: 'html', label: 'HTML (one self-contained page)', extension: 'html' },
  { format: 'json', label: 'JSON (the model)', extension: 'json' },
];

/** Arguments that make the export non-interactive (for keybindings, tasks and tests). */
export interface ExportArgs {
  format?: ThreatModelFormat;
  /** Where to write; asked for when missing. */
  target?: vscode.Uri | string;
  /** The workspace folder; the active file's (or the only one) when missing. */
  folder?: vscode.Uri | string;
}

/** The workspace folder to report on: the given one, the active file's, the only one, or the user's choice. */
export async function pickFolder(given?: vscode.Uri | string): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (given) {
    const uri = typeof given === 'string' ? vscode.Uri.parse(given) : given;
    return vscode.workspace.getWorkspaceFolder(uri);
  }
  const active = vscode.window.activeTextEditor?.document.uri;
  const activeFolder = active ? vscode.workspace.getWorkspaceFolder(active) : undefined;
  if (activeFolder) return activeFolder;
  if (folders.length <= 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Threat model of which folder?' });
}

async function render(source: ModelSource, folder: vscode.WorkspaceFolder, format: ThreatModelFormat, token?: vscode.CancellationToken): Promise<string> {
  const params: ThreatModelParams = { folder: folder.uri.toString(), format };
  const result = await source.request<ThreatModelResult>(THREAT_MODEL_REQUEST, params, token);
  if (result.text === undefined) throw new Error('the server sent no report');
  return result.text;
}

/** Writes the report; returns the file written, or undefined when the user cancelled. */
export async function exportThreatModel(source: ModelSource, args: ExportArgs = {}): Promise<vscode.Uri | undefined> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage('Promptward: open a folder to export its threat model.');
    return undefined;
  }
  const folder = await pickFolder(args.folder);
  if (!folder) return undefined;
  const format = args.format ?? (await vscode.window.showQuickPick(FORMATS.map((f) => ({ ...f, label: f.label })), { title: 'Export Threat Model' }))?.format;
  if (!format) return undefined;
  const ext = FORMATS.find((f) => f.format === format)!.extension;
  const target = args.target
    ? typeof args.target === 'string' ? vscode.Uri.file(args.target) : args.target
    : await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(folder.uri, `threat-model.${ext}`),
      filters: { [format.toUpperCase()]: [ext] },
      title: 'Export Threat Model',
    });
  if (!target) return undefined;
  const text = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Promptward: threat model of ${folder.name}`, cancellable: true },
    (_progress, token) => render(source, folder, format, token),
  );
  await vscode.workspace.fs.writeFile(target, Buffer.from(text, 'utf8'));
  if (!args.target) {
    void vscode.window.showInformationMessage(`Promptward: threat model written to ${vscode.workspace.asRelativePath(target)}.`, 'Open').then((choice) => {
      if (choice !== 'Open') return;
      if (format === 'markdown') void vscode.commands.executeCommand('markdown.showPreview', target);
      else void vscode.window.showTextDocument(target);
    });
  }
  return target;
}

/** The Content-Security-Policy of the report webview: no scripts, no network; inline styles and data: images only. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

/** The report's HTML with our CSP as the first thing in <head> (the report itself loads nothing). */
export function withCsp(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`;
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (m) => `${m}\n${meta}`) : `${meta}\n${html}`;
}

/** Shows the HTML report of a folder in a webview beside the editor (reused while open). */
export class ReportView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;

  constructor(private readonly source: ModelSource) {}

  async show(folderArg?: vscode.Uri | string): Promise<vscode.WebviewPanel | undefined> {
    const folder = await pickFolder(folderArg);
    if (!folder) {
      void vscode.window.showInformationMessage('Promptward: open a folder to see its threat model.');
      return undefined;
    }
    const html = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'Promptward: threat model' },
      () => render(this.source, folder, 'html'),
    );
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('promptward.threatModelReport', 'Threat Model', vscode.ViewColumn.Beside, {
        enableScripts: false,
        enableCommandUris: false,
        localResourceRoots: [],
      });
      this.panel.onDidDispose(() => (this.panel = undefined));
    }
    this.panel.title = `Threat Model: ${folder.name}`;
    this.panel.webview.html = withCsp(html);
    this.panel.reveal(undefined, true);
    return this.panel;
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
