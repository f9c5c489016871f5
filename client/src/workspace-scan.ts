// "Promptward: Scan Workspace": the server's workspace diagnostics (every file of every folder), with a progress
// notification that can cancel. Results for files not open go into their own collection; an open file's live
// diagnostics (pulled as the user types) take over from its scan result when it is opened.
import * as vscode from 'vscode';
import { WorkDoneProgress, WorkspaceDiagnosticRequest, type LanguageClient, type WorkspaceDiagnosticReport } from 'vscode-languageclient/node';

export interface ScanSummary {
  filesWithFindings: number;
  findings: number;
}

export class WorkspaceScan implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('promptward-workspace');
  private readonly subscriptions: vscode.Disposable[] = [];
  private token = 0;

  constructor() {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((doc) => this.collection.delete(doc.uri)),
    );
  }

  /** Runs the scan; undefined when cancelled. */
  async run(client: LanguageClient): Promise<ScanSummary | undefined> {
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Promptward: scanning the workspace', cancellable: true },
      async (progress, cancel) => {
        const workDoneToken = `promptward-scan-${++this.token}`;
        let reported = 0;
        const listener = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
          if (value.kind === 'end') return;
          const percentage = value.percentage ?? reported;
          progress.report({ increment: Math.max(0, percentage - reported), message: value.message });
          reported = Math.max(reported, percentage);
        });
        try {
          const report: WorkspaceDiagnosticReport = await client.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [], workDoneToken }, cancel);
          if (cancel.isCancellationRequested) return undefined;
          const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
          const summary: ScanSummary = { filesWithFindings: 0, findings: 0 };
          this.collection.clear();
          for (const item of report.items) {
            if (item.kind !== 'full') continue;
            if (item.items.length) summary.filesWithFindings++;
            summary.findings += item.items.length;
            const uri = client.protocol2CodeConverter.asUri(item.uri);
            if (open.has(uri.toString())) continue; // live diagnostics already show it
            this.collection.set(uri, await client.protocol2CodeConverter.asDiagnostics(item.items));
          }
          return summary;
        } finally {
          listener.dispose();
        }
      },
    );
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.collection.dispose();
  }
}
