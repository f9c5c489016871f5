// The diagram in Mermaid `flowchart` syntax, as GitHub renders it in Markdown. Every label is quoted and every
// character with a meaning in Mermaid (or in the HTML it renders labels into) is written as an entity code.
import { buildDiagram, ZONES, type DiagramNode, type NodeKind } from './diagram';
import type { ThreatModel } from './types';

/** Text inside a quoted Mermaid label: `#`, quotes, `<`, `>`, `&` and backticks as `#<code>;` entity codes. */
export function mermaidText(s: string): string {
  return s.replace(/[#"<>&`\\]/g, (c) => `#${c.charCodeAt(0)};`).replace(/\s+/g, ' ');
}

const OPEN: Record<NodeKind, [string, string]> = {
  entry: ['(["', '"])'],
  source: ['[("', '")]'],
  prompt: ['["', '"]'],
  model: ['{{"', '"}}'],
  tool: ['[["', '"]]'],
  sink: ['>"', '"]'],
};

function nodeLine(n: DiagramNode): string {
  const [open, close] = OPEN[n.kind];
  const label = n.lines.map(mermaidText).join('<br/>');
  return `${n.id}${open}${label}${close}`;
}

export function renderMermaid(model: ThreatModel): string {
  const diagram = buildDiagram(model);
  const lines = ['flowchart LR'];
  if (diagram.nodes.length === 0) {
    lines.push('  empty["No LLM call, entry point, flow or tool was found"]');
    return lines.join('\n');
  }
  for (const z of ZONES) {
    const members = diagram.nodes.filter((n) => n.zone === z.id);
    if (members.length === 0) continue;
    lines.push(`  subgraph ${z.id}["${mermaidText(z.title)}"]`);
    for (const n of members) lines.push(`    ${nodeLine(n)}`);
    lines.push('  end');
  }
  const risky: number[] = [];
  diagram.edges.forEach((e, i) => {
    const arrow = e.inferred ? '-.->' : '-->';
    lines.push(`  ${e.from} ${arrow}${e.label ? `|"${mermaidText(e.label)}"|` : ''} ${e.to}`);
    if (e.risk) risky.push(i);
  });
  lines.push('  classDef risk stroke:#cf222e,stroke-width:2px');
  const riskNodes = diagram.nodes.filter((n) => n.risk).map((n) => n.id);
  if (riskNodes.length) lines.push(`  class ${riskNodes.join(',')} risk`);
  if (risky.length) lines.push(`  linkStyle ${risky.join(',')} stroke:#cf222e,stroke-width:2px`);
  return lines.join('\n');
}
