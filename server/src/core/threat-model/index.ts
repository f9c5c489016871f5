// The threat model of a workspace: built from a scan in the core, rendered as JSON (the model itself), Markdown
// (with a Mermaid diagram) or a self-contained HTML page (with an inline SVG diagram). No editor or protocol
// types: the CLI, the language server and the tests call these functions.
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
