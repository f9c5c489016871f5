// The optional code lens (`promptward.codeLens`): above each LLM call, what reaches its prompt — untrusted input,
// retrieved content, secrets, personal data — and in which role (instructions, user content, or both in one
// string). Built from the analysis inventory of the file; no analysis of its own.
import type { Inventory, PromptFlow } from '../core/types';

export interface CallLens {
  /** Offsets of the call in the file. */
  startOffset: number;
  endOffset: number;
  title: string;
}

const KIND: Record<PromptFlow['sourceKind'], string> = {
  untrusted: 'untrusted',
  retrieved: 'retrieved',
  secret: 'secret',
  pii: 'personal data',
  'llm-output': 'model output',
  'tool-args': 'tool arguments',
};

const ROLE: Record<PromptFlow['role'], string> = { instructions: 'instructions', user: 'user content', mixed: 'instructions and data in one string' };

/** "untrusted req.body (HTTP request body) → user content" (the kind is left out when the label says it). */
function describe(f: PromptFlow): string {
  const kind = KIND[f.sourceKind];
  return `${f.sourceLabel.toLowerCase().includes(kind) ? '' : `${kind} `}${f.sourceLabel} → ${ROLE[f.role]}`;
}

/** At most this many inputs are named; the rest are counted. */
const MAX_NAMED = 3;

export function callLenses(inventory: Inventory | undefined, file: string): CallLens[] {
  if (!inventory) return [];
  const lenses: CallLens[] = [];
  for (const call of inventory.calls) {
    if (call.location.file !== file) continue;
    const inside = inventory.promptFlows.filter((f) => f.sink.file === file && f.sink.startOffset >= call.location.startOffset && f.sink.endOffset <= call.location.endOffset);
    const inputs = [...new Set(inside.map(describe))];
    const model = call.modelIds.length ? ` ${call.modelIds.join(', ')}` : '';
    const title = inputs.length === 0
      ? `Promptward: ${call.sdk}${model} — no untrusted or sensitive input reaches the prompt`
      : `Promptward: ${call.sdk}${model} — ${inputs.slice(0, MAX_NAMED).join('; ')}${inputs.length > MAX_NAMED ? `; +${inputs.length - MAX_NAMED} more` : ''}`;
    lenses.push({ startOffset: call.location.startOffset, endOffset: call.location.endOffset, title });
  }
  return lenses.sort((a, b) => a.startOffset - b.startOffset);
}
