// The status bar item: Promptward's findings in the active file, by severity. Hidden for files Promptward does not
// analyse; a click opens the Problems view with its filter box focused (VS Code has no API to fill it in).
import * as vscode from 'vscode';
import { SOURCE } from '../../server/src/lsp/protocol';

const LANGUAGES = new Set(['typescript', 'typescriptreact', 'javascript', 'javascriptreact']);

export const SHOW_PROBLEMS_COMMAND = 'promptward.showProblems';

export interface FileCounts {
  error: number;
  warning: number;
  info: number;
}

/** Promptward's diagnostics of one document, counted by severity (hints count as info). */
export function countFindings(diagnostics: readonly vscode.Diagnostic[]): FileCounts {
  const counts: FileCounts = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) {
    if (d.source !== SOURCE) continue;
    if (d.severity === vscode.DiagnosticSeverity.Error) counts.error++;
    else if (d.severity === vscode.DiagnosticSeverity.Warning) counts.warning++;
    else counts.info++;
  }
  return counts;
}

export class FindingsStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('promptward.findings', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.item.name = 'Promptward findings';
    this.item.command = SHOW_PROBLEMS_COMMAND;
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.update();
      }),
    );
    this.update();
  }

  /** The counts shown now (for tests). */
  counts: FileCounts | undefined;

  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.uri.scheme !== 'file' || !LANGUAGES.has(doc.languageId)) {
      this.counts = undefined;
      this.item.hide();
      return;
    }
    const c = countFindings(vscode.languages.getDiagnostics(doc.uri));
    this.counts = c;
    const total = c.error + c.warning + c.info;
    this.item.text = total === 0 ? '$(shield) Promptward' : `$(shield) $(error) ${c.error} $(warning) ${c.warning}${c.info ? ` $(info) ${c.info}` : ''}`;
    this.item.tooltip = total === 0
      ? 'Promptward: no findings in this file'
      : `Promptward in this file: ${c.error} error${c.error === 1 ? '' : 's'}, ${c.warning} warning${c.warning === 1 ? '' : 's'}, ${c.info} info. Click to open the Problems view.`;
    this.item.accessibilityInformation = { label: this.item.tooltip };
    this.item.show();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}

/** Opens the Problems view and focuses its filter, where `promptward` narrows the list to our findings. */
export async function showProblems(): Promise<void> {
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  await vscode.commands.executeCommand('problems.action.focusFilter').then(undefined, () => undefined);
}
