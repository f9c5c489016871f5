// Records what the analysis sees — LLM calls, entry points, data flows into prompts and out of the
// model, tools — for the threat model. Entries are keyed by location so repeated analysis adds nothing.
import { ts } from '../ts';
import type { EntryPointInfo, Inventory, LlmCallSite, OutputFlow, PromptFlow, ToolInfo } from '../types';
import { locationOf } from './reporter';

export class InventoryRecorder {
  private readonly calls = new Map<string, LlmCallSite>();
  private readonly entries = new Map<string, EntryPointInfo>();
  private readonly prompts = new Map<string, PromptFlow>();
  private readonly outputs = new Map<string, OutputFlow>();
  private readonly tools = new Map<string, ToolInfo>();

  call(node: ts.Node, site: Omit<LlmCallSite, 'location'>): void {
    const location = locationOf(node);
    const key = `${location.file}:${location.startOffset}`;
    const existing = this.calls.get(key);
    if (existing) {
      for (const id of site.modelIds) if (!existing.modelIds.includes(id)) existing.modelIds.push(id);
      return;
    }
    this.calls.set(key, { ...site, modelIds: [...site.modelIds], location });
  }

  entry(node: ts.Node, info: Omit<EntryPointInfo, 'location'>): void {
    const location = locationOf(node);
    this.entries.set(`${location.file}:${location.startOffset}`, { ...info, location });
  }

  promptFlow(source: ts.Node, sink: ts.Node, flow: Omit<PromptFlow, 'source' | 'sink'>): void {
    const s = locationOf(source);
    const t = locationOf(sink);
    const key = `${s.file}:${s.startOffset}>${t.file}:${t.startOffset}:${flow.sourceKind}`;
    if (!this.prompts.has(key)) this.prompts.set(key, { ...flow, source: s, sink: t });
  }

  outputFlow(source: ts.Node, sink: ts.Node, flow: Omit<OutputFlow, 'source' | 'sink'>): void {
    const s = locationOf(source);
    const t = locationOf(sink);
    const key = `${s.file}:${s.startOffset}>${t.file}:${t.startOffset}:${flow.sinkKind}`;
    const existing = this.outputs.get(key);
    if (!existing || (existing.validated && !flow.validated)) this.outputs.set(key, { ...flow, source: s, sink: t });
  }

  tool(node: ts.Node, info: Omit<ToolInfo, 'location'>): ToolInfo {
    const location = locationOf(node);
    const key = `${location.file}:${location.startOffset}`;
    let tool = this.tools.get(key);
    if (!tool) {
      tool = { ...info, location };
      this.tools.set(key, tool);
    }
    return tool;
  }

  result(): Inventory {
    return sortInventory({
      calls: [...this.calls.values()],
      entryPoints: [...this.entries.values()],
      promptFlows: [...this.prompts.values()],
      outputFlows: [...this.outputs.values()],
      tools: [...this.tools.values()],
    });
  }
}

/** Sorts each list of an inventory in place, by file and offset (the place, or the sink of a flow); stable. */
export function sortInventory(inventory: Inventory): Inventory {
  const byPlace = <T extends { location?: { file: string; startOffset: number } }>(xs: T[]) =>
    xs.sort((a, b) => (a.location!.file < b.location!.file ? -1 : a.location!.file > b.location!.file ? 1 : a.location!.startOffset - b.location!.startOffset));
  const bySink = <T extends { sink: { file: string; startOffset: number } }>(xs: T[]) =>
    xs.sort((a, b) => (a.sink.file < b.sink.file ? -1 : a.sink.file > b.sink.file ? 1 : a.sink.startOffset - b.sink.startOffset));
  byPlace(inventory.calls);
  byPlace(inventory.entryPoints);
  bySink(inventory.promptFlows);
  bySink(inventory.outputFlows);
  byPlace(inventory.tools);
  return inventory;
}
