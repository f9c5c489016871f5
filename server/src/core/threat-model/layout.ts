// A small layered-graph layout (Sugiyama style) for the threat-model diagram: nodes go into columns by a
// longest-path layering seeded by their kind, are ordered within each column by barycentre sweeps (kept
// grouped by trust zone), and are stacked so that each zone's nodes in adjacent columns share one box.
import { ZONES, type NodeKind, type Zone } from './diagram';

export interface LayoutNode {
  id: string;
  kind: NodeKind;
  zone: Zone;
  width: number;
  height: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Layout {
  width: number;
  height: number;
  nodes: Map<string, Box & { layer: number }>;
  zones: (Box & { zone: Zone })[];
}

export const LAYOUT = { margin: 16, layerGap: 150, nodeGap: 14, zonePad: 12, zoneHeader: 22, zoneGap: 22 };

const BASE_LAYER: Record<NodeKind, number> = { entry: 0, source: 0, prompt: 1, model: 2, tool: 3, sink: 3 };

export function layout(nodes: readonly LayoutNode[], edges: readonly { from: string; to: string }[]): Layout {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const preds = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  const succs = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  for (const e of edges) {
    if (!byId.has(e.from) || !byId.has(e.to) || e.from === e.to) continue;
    preds.get(e.to)!.push(e.from);
    succs.get(e.from)!.push(e.to);
  }

  // 1. Layers: at least the kind's column, and right of every predecessor (bounded, so a cycle cannot loop).
  const layer = new Map(nodes.map((n) => [n.id, BASE_LAYER[n.kind]]));
  for (let round = 0, changed = true; changed && round < nodes.length + 1; round++) {
    changed = false;
    for (const n of nodes) {
      const want = Math.max(BASE_LAYER[n.kind], ...preds.get(n.id)!.map((p) => layer.get(p)! + 1));
      if (want > layer.get(n.id)! && want <= 8) {
        layer.set(n.id, want);
        changed = true;
      }
    }
  }
  // Drop empty columns.
  const used = [...new Set(layer.values())].sort((a, b) => a - b);
  for (const [id, l] of layer) layer.set(id, used.indexOf(l));
  const layerCount = used.length;

  // 2. Order within columns: grouped by zone, barycentre sweeps inside each group.
  const zoneRank = new Map(ZONES.map((z, i) => [z.id, i]));
  const columns: string[][] = Array.from({ length: layerCount }, () => []);
  for (const n of nodes) columns[layer.get(n.id)!]!.push(n.id);
  const rank = new Map<string, number>();
  const setRanks = () => columns.forEach((col) => col.forEach((id, i) => rank.set(id, (i + 0.5) / col.length)));
  const sortColumn = (col: string[], neighbours: Map<string, string[]>) => {
    const bary = new Map(col.map((id) => {
      const ns = neighbours.get(id)!.filter((n) => rank.has(n));
      return [id, ns.length ? ns.reduce((s, n) => s + rank.get(n)!, 0) / ns.length : rank.get(id)!] as const;
    }));
    col.sort((a, b) => zoneRank.get(byId.get(a)!.zone)! - zoneRank.get(byId.get(b)!.zone)! || bary.get(a)! - bary.get(b)!);
  };
  for (const col of columns) col.sort((a, b) => zoneRank.get(byId.get(a)!.zone)! - zoneRank.get(byId.get(b)!.zone)!);
  setRanks();
  // Edge crossings between adjacent columns; the sweeps keep the ordering with the fewest.
  const adjacent = edges.filter((e) => byId.has(e.from) && byId.has(e.to) && layer.get(e.to)! === layer.get(e.from)! + 1);
  const crossings = (): number => {
    if (adjacent.length > 3000) return 0; // quadratic: not worth it on huge graphs
    const index = new Map<string, number>();
    columns.forEach((col) => col.forEach((id, i) => index.set(id, i)));
    let total = 0;
    for (let i = 0; i < adjacent.length; i++) {
      const a = adjacent[i]!;
      for (let j = i + 1; j < adjacent.length; j++) {
        const b = adjacent[j]!;
        if (layer.get(a.from) !== layer.get(b.from)) continue;
        if ((index.get(a.from)! - index.get(b.from)!) * (index.get(a.to)! - index.get(b.to)!) < 0) total++;
      }
    }
    return total;
  };
  let best = columns.map((c) => [...c]);
  let fewest = crossings();
  for (let sweep = 0; sweep < 8 && fewest > 0; sweep++) {
    for (let l = 1; l < layerCount; l++) {
      sortColumn(columns[l]!, preds);
      setRanks();
    }
    for (let l = layerCount - 2; l >= 0; l--) {
      sortColumn(columns[l]!, succs);
      setRanks();
    }
    const c = crossings();
    if (c < fewest) {
      fewest = c;
      best = columns.map((col) => [...col]);
    }
  }
  best.forEach((col, l) => (columns[l] = col));

  // 3. Columns' x.
  const { margin, layerGap, nodeGap, zonePad, zoneHeader, zoneGap } = LAYOUT;
  const colWidth = columns.map((col) => Math.max(0, ...col.map((id) => byId.get(id)!.width)));
  const colX: number[] = [];
  let x = margin + zonePad;
  for (let l = 0; l < layerCount; l++) {
    colX.push(x);
    x += colWidth[l]! + layerGap;
  }
  const width = x - layerGap + zonePad + margin;

  // 4. Zones, top to bottom in zone order; a zone's run of adjacent columns shares one box.
  const out = new Map<string, Box & { layer: number }>();
  const zones: (Box & { zone: Zone; layers: number[] })[] = [];
  const cursor = new Array<number>(layerCount).fill(margin);
  for (const z of ZONES) {
    const layers = columns.map((col, l) => (col.some((id) => byId.get(id)!.zone === z.id) ? l : -1)).filter((l) => l >= 0);
    const runs: number[][] = [];
    for (const l of layers) {
      const last = runs[runs.length - 1];
      if (last && last[last.length - 1] === l - 1) last.push(l);
      else runs.push([l]);
    }
    for (const run of runs) {
      const stacks = run.map((l) => columns[l]!.filter((id) => byId.get(id)!.zone === z.id));
      const stackHeight = (ids: string[]) => ids.reduce((h, id) => h + byId.get(id)!.height, 0) + nodeGap * Math.max(0, ids.length - 1);
      const inner = Math.max(...stacks.map(stackHeight));
      const top = Math.max(...run.map((l) => cursor[l]!));
      const boxHeight = zoneHeader + inner + 2 * zonePad;
      run.forEach((l, i) => {
        const ids = stacks[i]!;
        let y = top + zoneHeader + zonePad + (inner - stackHeight(ids)) / 2;
        for (const id of ids) {
          const n = byId.get(id)!;
          out.set(id, { x: colX[l]! + (colWidth[l]! - n.width) / 2, y, width: n.width, height: n.height, layer: l });
          y += n.height + nodeGap;
        }
        cursor[l] = top + boxHeight + zoneGap;
      });
      const x0 = colX[run[0]!]! - zonePad;
      const x1 = colX[run[run.length - 1]!]! + colWidth[run[run.length - 1]!]! + zonePad;
      zones.push({ zone: z.id, x: x0, y: top, width: x1 - x0, height: boxHeight, layers: run });
    }
  }
  const height = Math.max(margin * 2, ...cursor.map((c) => c - zoneGap + margin));

  // 5. A zone box alone in its columns is centred vertically.
  for (const box of zones) {
    const alone = zones.every((other) => other === box || !other.layers.some((l) => box.layers.includes(l)));
    if (!alone) continue;
    const dy = Math.floor((height - box.height) / 2) - box.y;
    if (dy <= 0) continue;
    box.y += dy;
    for (const [id, b] of out) if (box.layers.includes(b.layer) && byId.get(id)!.zone === box.zone) b.y += dy;
  }
  return { width, height, nodes: out, zones: zones.map(({ layers: _layers, ...b }) => b) };
}
