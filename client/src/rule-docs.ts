// Rule documentation shipped inside the extension (rules/docs/<rule-id>.md), opened in VS Code's Markdown
// preview: it works offline and matches the installed version. Diagnostics link to the same pages online.
import * as fs from 'fs';
import * as vscode from 'vscode';

/** The rule ids that have a documentation page in the extension. */
export function documentedRules(extensionPath: string): string[] {
  try {
    return fs.readdirSync(vscode.Uri.joinPath(vscode.Uri.file(extensionPath), 'rules', 'docs').fsPath)
      .filter((f) => f.endsWith('.md'))
      .map((f) => f.slice(0, -3))
      .sort();
  } catch {
    return [];
  }
}

/** The rule id in a rule documentation URL (…/rules/docs/<id>.md), if it is one. */
export function ruleIdOfDocUrl(url: string): string | undefined {
  return /\/rules\/docs\/([a-z][a-z0-9-]*)\.md(?:[#?].*)?$/.exec(url)?.[1];
}

/** Opens a rule's page; asks which rule when none is given. Returns the page opened, if any. */
export async function openRuleDocumentation(extensionPath: string, ruleId?: string): Promise<vscode.Uri | undefined> {
  const rules = documentedRules(extensionPath);
  const id = ruleId ?? (await vscode.window.showQuickPick(rules, { title: 'Promptward: Open Rule Documentation', placeHolder: 'Rule id' }));
  if (!id) return undefined;
  if (!rules.includes(id)) {
    void vscode.window.showWarningMessage(`Promptward has no documentation for '${id}'.`);
    return undefined;
  }
  const uri = vscode.Uri.joinPath(vscode.Uri.file(extensionPath), 'rules', 'docs', `${id}.md`);
  await vscode.commands.executeCommand('markdown.showPreview', uri).then(undefined, async () => {
    // Without the built-in Markdown extension: the source.
    await vscode.window.showTextDocument(uri, { preview: true });
  });
  return uri;
}
