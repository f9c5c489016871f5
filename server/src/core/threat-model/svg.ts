// The diagram as a standalone SVG (inline styles, no fonts or scripts to load), laid out in-process.
import { buildDiagram, ZONES, type DiagramNode, type NodeKind } from './diagram';
import { layout, type Box } from './layout';
import type { ThreatModel } from './types';

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const NODE_WIDTH = 216;
const TITLE_CHARS = 30;
const DETAIL_CHARS = 34;
const LINE = 15;
const PAD = 8;
const LEGEND_HEIGHT = 34;

/** Greedy word wrap at spaces, after `/ . ,` and before `(`; words longer than a line are cut. */
export function wrap(text: string, max: number, maxLines = 3): string[] {
  const words = text.split(/(?<=[\s/.,])|(?=\()/);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if ((line + w).trimEnd().length <= max) {
      line += w;
      continue;
    }
    if (line.trim()) lines.push(line.trimEnd());
    line = w.trimStart();
    while (line.length > max) {
      lines.push(line.slice(0, max));
      line = line.slice(max);
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  if (lines.length > maxLines) return [...lines.slice(0, maxLines - 1), `${lines[maxLines - 1]!.slice(0, max - 1)}…`];
  return lines;
}

interface Rendered {
  node: DiagramNode;
  title: string[];
  details: string[];
}

const KIND_CLASS: Record<NodeKind, string> = { entry: 'entry', source: 'source', prompt: 'prompt', model: 'model', tool: 'tool', sink: 'sink' };

function shape(kind: NodeKind, b: Box): string {
  const { x, y, width: w, height: h } = b;
  switch (kind) {
    case 'entry':
      return `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="16"/>`;
    case 'model': {
      const d = 12;
      return `<polygon points="${x + d},${y} ${x + w - d},${y} ${x + w},${y + h / 2} ${x + w - d},${y + h} ${x + d},${y + h} ${x},${y + h / 2}"/>`;
    }
    case 'source':
      return `<path d="M${x},${y + 6} a${w / 2},6 0 0,1 ${w},0 v${h - 12} a${w / 2},6 0 0,1 ${-w},0 z M${x},${y + 6} a${w / 2},6 0 0,0 ${w},0"/>`;
    case 'tool':
      return `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="3"/><rect class="inner" x="${x + 5}" y="${y}" width="${w - 10}" height="${h}"/>`;
    case 'sink':
      return `<path d="M${x},${y} h${w - 10} l10,${h / 2} l-10,${h / 2} h${-(w - 10)} z"/>`;
    default:
      return `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="6"/>`;
  }
}

const STYLE = `
text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
.zone rect { fill: #f6f8fa; stroke: #8c959f; stroke-dasharray: 6 4; }
.zone.untrusted rect { fill: #fff5f5; stroke: #cf222e; }
.zone.sensitive rect { fill: #fff8e6; stroke: #bf8700; }
.zone.browser rect { fill: #f5f0ff; stroke: #8250df; }
.zone.provider rect { fill: #eef6ff; stroke: #0969da; }
.zone text { font-size: 12px; font-weight: 600; fill: #57606a; }
.node rect, .node polygon, .node path { fill: #ffffff; stroke: #57606a; stroke-width: 1.2; }
.node.entry rect { fill: #ffebe9; }
.node.source path { fill: #fff1cc; }
.node.prompt rect { fill: #ffffff; }
.node.model polygon { fill: #ddf4ff; }
.node.tool rect { fill: #fbefff; }
.node.tool rect.inner { fill: none; }
.node.sink path { fill: #f6f8fa; }
.node.risk rect, .node.risk polygon, .node.risk path { stroke: #cf222e; stroke-width: 2; }
.node .title { font-size: 12px; font-weight: 600; fill: #1f2328; }
.node .detail { font-size: 11px; fill: #57606a; }
.edge { fill: none; stroke: #8c959f; stroke-width: 1.4; }
.edge.risk { stroke: #cf222e; stroke-width: 1.8; }
.edge.inferred { stroke-dasharray: 5 4; }
.edge-label rect { fill: #ffffff; opacity: 0.9; }
.edge-label text { font-size: 10px; fill: #57606a; }
.edge-label.risk text { fill: #cf222e; }
.legend text { font-size: 11px; fill: #57606a; }
`;

/** The model's data-flow diagram as an SVG document (also valid inline in HTML). */
export function renderSvg(model: ThreatModel): string {
  const diagram = buildDiagram(model);
  const rendered = new Map<string, Rendered>(
    diagram.nodes.map((n) => [n.id, { node: n, title: wrap(n.lines[0] ?? '', TITLE_CHARS, 2), details: n.lines.slice(1).flatMap((l) => wrap(l, DETAIL_CHARS, 2)) }]),
  );
  const sized = diagram.nodes.map((n) => {
    const r = rendered.get(n.id)!;
    return { id: n.id, kind: n.kind, zone: n.zone, width: NODE_WIDTH, height: PAD * 2 + LINE * (r.title.length + r.details.length) + (n.kind === 'source' ? 8 : 0) };
  });
  const lay = layout(sized, diagram.edges);
  const width = Math.max(lay.width, 560);
  const height = lay.height + LEGEND_HEIGHT;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="threat-model-diagram" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="tm-diagram-title">`);
  out.push(`<title id="tm-diagram-title">Data flows of ${escapeXml(model.workspace.name)}: entry points and data sources, prompts, models, sinks and tools, by trust boundary</title>`);
  out.push(`<defs><marker id="tm-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#8c959f"/></marker>`);
  out.push(`<marker id="tm-arrow-risk" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#cf222e"/></marker></defs>`);
  out.push(`<style>${STYLE}</style>`);
  out.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`);

  for (const z of lay.zones) {
    const title = ZONES.find((t) => t.id === z.zone)!.title;
    out.push(`<g class="zone ${z.zone}"><rect x="${z.x}" y="${z.y}" width="${z.width}" height="${z.height}" rx="8"/><text x="${z.x + 10}" y="${z.y + 16}">${escapeXml(title)}</text></g>`);
  }
  const labels: string[] = [];
  for (const e of diagram.edges) {
    const a = lay.nodes.get(e.from);
    const b = lay.nodes.get(e.to);
    if (!a || !b) continue;
    const x1 = a.x + a.width;
    const y1 = a.y + a.height / 2;
    const x2 = b.x - 2;
    const y2 = b.y + b.height / 2;
    const dx = Math.max(30, (x2 - x1) / 2);
    const cls = `edge${e.risk ? ' risk' : ''}${e.inferred ? ' inferred' : ''}`;
    out.push(`<path class="${cls}" d="M${x1},${y1} C${x1 + dx},${y1} ${x2 - dx},${y2} ${x2},${y2}" marker-end="url(#${e.risk ? 'tm-arrow-risk' : 'tm-arrow'})"/>`);
    if (e.label) {
      const text = e.label.length > 36 ? `${e.label.slice(0, 35)}…` : e.label;
      const w = text.length * 5.6 + 8;
      // On the curve near its start, where edges leaving different nodes are still apart.
      const t = 0.3;
      const bez = (a: number, b: number, c: number, d: number) => (1 - t) ** 3 * a + 3 * (1 - t) ** 2 * t * b + 3 * (1 - t) * t ** 2 * c + t ** 3 * d;
      const mx = Math.max(x1 + w / 2 + 4, bez(x1, x1 + dx, x2 - dx, x2));
      const my = bez(y1, y1, y2, y2);
      labels.push(`<g class="edge-label${e.risk ? ' risk' : ''}"><rect x="${mx - w / 2}" y="${my - 7}" width="${w}" height="13" rx="3"/><text x="${mx}" y="${my + 3}" text-anchor="middle">${escapeXml(text)}</text></g>`);
    }
  }
  for (const { node, title, details } of rendered.values()) {
    const b = lay.nodes.get(node.id);
    if (!b) continue;
    const top = b.y + PAD + (node.kind === 'source' ? 8 : 0);
    const tspans = [
      ...title.map((t, i) => `<tspan class="title" x="${b.x + b.width / 2}" y="${top + LINE * i + 11}">${escapeXml(t)}</tspan>`),
      ...details.map((t, i) => `<tspan class="detail" x="${b.x + b.width / 2}" y="${top + LINE * (title.length + i) + 11}">${escapeXml(t)}</tspan>`),
    ];
    const tip = [...node.lines, node.where].filter(Boolean).join(' — ');
    out.push(`<g class="node ${KIND_CLASS[node.kind]}${node.risk ? ' risk' : ''}" data-node="${node.id}"><title>${escapeXml(tip)}</title>${shape(node.kind, b)}<text text-anchor="middle">${tspans.join('')}</text></g>`);
  }
  out.push(...labels);

  const ly = lay.height + 12;
  out.push(
    `<g class="legend"><path class="edge risk" d="M16,${ly} h34" marker-end="url(#tm-arrow-risk)"/><text x="58" y="${ly + 4}">risky flow (untrusted or sensitive data into instructions, unvalidated output, unconfined tool)</text>` +
      `<path class="edge inferred" d="M16,${ly + 16} h34" marker-end="url(#tm-arrow)"/><text x="58" y="${ly + 20}">inferred link (a handler calls an imported function that calls the model)</text></g>`,
  );
  if (diagram.nodes.length === 0) out.push(`<text x="16" y="40" font-size="13">No LLM call, entry point, flow or tool was found.</text>`);
  out.push('</svg>');
  return out.join('\n');
}
