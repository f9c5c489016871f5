// The threat-model sidebar: a tree fed by the language server's `promptward/threatModel` request, refreshed when
// the server announces `promptward/threatModelChanged` (only while the view is visible; otherwise on next show).
// One subtree per workspace folder when there are several. Leaves with a location open it.
import * as vscode from 'vscode';
import type { ThreatModel } from '../../server/src/core/threat-model/types';
import { THREAT_MODEL_REQUEST, type ThreatModelParams, type ThreatModelResult } from '../../server/src/lsp/protocol';
import { isEmptyModel, threatModelNodes, type ThreatModelNode } from './threat-model-nodes';

/** What the view's welcome text and toolbar depend on (the `promptward.threatModel.state` context key). */
export type TreeState = 'starting' | 'loading' | 'empty' | 'ready' | 'error';

export interface ModelSource {
  /** Sends a request to the running language server; rejects when it is not running. */
  request<R>(method: string, params: unknown, token?: vscode.CancellationToken): Promise<R>;
}

interface FolderModel {
  folder: vscode.WorkspaceFolder;
  model?: ThreatModel;
  error?: string;
}

/** A node of the tree: a workspace folder (multi-root only) or a node of a folder's model. */
export interface TreeNode {
  node: ThreatModelNode;
  folder: vscode.WorkspaceFolder;
}

export class ThreatModelTree implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private models: FolderModel[] = [];
  private stale = true;
  private loading: Promise<void> | undefined;
  private visible = false;
  private state: TreeState = 'starting';

  constructor(private readonly source: ModelSource, private readonly log: vscode.LogOutputChannel) {
    void this.setState('starting');
  }

  /** The view became visible or hidden: a hidden view does not ask the server for anything. */
  setVisible(visible: boolean): void {
    this.visible = visible;
    if (visible && this.stale) void this.refresh();
  }

  /** The server said a folder's model changed (or it restarted): fetch again now if visible, else when shown. */
  invalidate(): void {
    this.stale = true;
    if (this.visible) void this.refresh();
  }

  /** Fetches every folder's model from the server. Concurrent calls share one fetch. */
  refresh(): Promise<void> {
    if (this.loading) {
      this.stale = true;
      return this.loading;
    }
    this.stale = false;
    this.loading = (async () => {
      if (this.state !== 'ready') await this.setState('loading');
      const folders = vscode.workspace.workspaceFolders ?? [];
      const models: FolderModel[] = [];
      for (const folder of folders) {
        try {
          const params: ThreatModelParams = { folder: folder.uri.toString() };
          const result = await this.source.request<ThreatModelResult>(THREAT_MODEL_REQUEST, params);
          models.push({ folder, model: result.model });
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          this.log.warn(`Threat model of ${folder.name}: ${message}`);
          models.push({ folder, error: message });
        }
      }
      this.models = models;
      const anyModel = models.some((m) => m.model && !isEmptyModel(m.model));
      await this.setState(models.length && models.every((m) => m.error) ? 'error' : anyModel ? 'ready' : 'empty');
      this.changed.fire(undefined);
    })().finally(() => {
      this.loading = undefined;
      if (this.stale && this.visible) void this.refresh();
    });
    return this.loading;
  }

  /** The model of a folder as last fetched. */
  modelOf(folder: vscode.WorkspaceFolder): ThreatModel | undefined {
    return this.models.find((m) => m.folder.uri.toString() === folder.uri.toString())?.model;
  }

  getChildren(parent?: TreeNode): TreeNode[] {
    if (parent) return (parent.node.children ?? []).map((node) => ({ node, folder: parent.folder }));
    if (this.state === 'empty' || this.state === 'starting') return []; // the welcome text shows instead
    if (this.models.length === 1) return this.folderChildren(this.models[0]!);
    return this.models.map((m) => ({
      folder: m.folder,
      node: {
        id: `folder:${m.folder.uri.toString()}`,
        kind: 'section',
        label: m.folder.name,
        description: m.error ? 'no threat model' : undefined,
        icon: { id: 'root-folder' },
        children: this.folderChildren(m).map((c) => c.node),
        expanded: true,
      },
    }));
  }

  private folderChildren(m: FolderModel): TreeNode[] {
    if (m.error) return [{ folder: m.folder, node: { id: `error:${m.folder.uri.toString()}`, kind: 'note', label: `No threat model: ${m.error}`, icon: { id: 'warning' } } }];
    if (!m.model) return [];
    return threatModelNodes(m.model).map((node) => ({ node, folder: m.folder }));
  }

  getTreeItem(element: TreeNode): vscode.TreeItem {
    const { node, folder } = element;
    const collapsible = node.children?.length
      ? node.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed
      : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem(node.label, collapsible);
    item.id = `${folder.uri.toString()}#${node.id}`;
    item.description = node.description;
    item.tooltip = node.tooltip;
    item.contextValue = node.kind;
    if (node.icon) item.iconPath = new vscode.ThemeIcon(node.icon.id, node.icon.color ? new vscode.ThemeColor(node.icon.color) : undefined);
    const target = locationOf(element);
    if (target) {
      item.command = { command: 'vscode.open', title: 'Open', arguments: [target.uri, { selection: target.range, preview: true } satisfies vscode.TextDocumentShowOptions] };
    }
    return item;
  }

  getParent(): undefined {
    return undefined;
  }

  private async setState(state: TreeState): Promise<void> {
    this.state = state;
    await vscode.commands.executeCommand('setContext', 'promptward.threatModel.state', state);
  }

  get currentState(): TreeState {
    return this.state;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** The document and range a node points at, when it has a location. */
export function locationOf(element: TreeNode): vscode.Location | undefined {
  const l = element.node.location;
  if (!l) return undefined;
  const uri = vscode.Uri.joinPath(element.folder.uri, ...l.file.split('/'));
  const start = new vscode.Position(Math.max(0, l.line - 1), Math.max(0, l.column - 1));
  const end = l.endLine !== undefined && l.endColumn !== undefined ? new vscode.Position(Math.max(0, l.endLine - 1), Math.max(0, l.endColumn - 1)) : start;
  return new vscode.Location(uri, new vscode.Range(start, end));
}
