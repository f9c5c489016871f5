// The threat model of a workspace: built from a scan in the core, rendered as JSON (the model itself), Markdown
// (with a Mermaid diagram) or a self-contained HTML page (with an inline SVG diagram). No editor or protocol
// types: the CLI, the language server and the tests call these functions.
import { scan, type ScanOptions } from '..';
import { buildThreatModel, type ThreatModelFinding, type ThreatModelOptions } from './build';
import { renderHtml } from './html';
import { renderMarkdown, type MarkdownOptions } from './markdown';
import type { ThreatModel } from './types';

export * from './types';
export { buildThreatModel, type ThreatModelFinding, type ThreatModelOptions } from './build';
export { DEFAULT_EVIDENCE_LIMITS, type EvidenceLimits } from './evidence';
export { buildDiagram, type Diagram, type DiagramEdge, type DiagramNode } from './diagram';
export { renderMermaid, mermaidText } from './mermaid';
export { renderMarkdown, type MarkdownOptions } from './markdown';
export { renderSvg } from './svg';
export { renderHtml } from './html';

export type ThreatModelFormat = 'json' | 'markdown' | 'html';

export function renderThreatModel(model: ThreatModel, format: ThreatModelFormat, options: MarkdownOptions = {}): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(model, null, 2)}\n`;
    case 'markdown':
      return renderMarkdown(model, options);
    case 'html':
      return renderHtml(model);
  }
}

export interface FolderThreatModelOptions extends ScanOptions, Omit<ThreatModelOptions, 'findings'> {
  /**
   * Marks findings suppressed (the language server and the CLI pass the workspace configuration's rule levels
   * and `promptward-ignore` comments here); default: the scan's findings as they are.
   */
  annotate?: (findings: ThreatModelFinding[], files: readonly string[]) => ThreatModelFinding[];
}

/**
 * Scans a workspace folder and builds its threat model: the one call the language server needs for a
 * `promptward/threatModel` request. It reads files only; nothing in the workspace is executed.
 */
export async function threatModelForFolder(folder: string, options: FolderThreatModelOptions = {}): Promise<ThreatModel> {
  const files: string[] = [];
  const exclude = options.exclude;
  const result = await scan([folder], {
    ...options,
    exclude: (file) => {
      const out = exclude?.(file) ?? false;
      if (!out) files.push(file);
      return out;
    },
  });
  const findings = options.annotate ? options.annotate(result.findings, files) : undefined;
  return buildThreatModel(result, result.root, { vocabulary: options.vocabulary, limits: options.limits, findings });
}
