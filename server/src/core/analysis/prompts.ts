// Prompt slots: where untrusted text becomes instructions (prompt-injection) and where secrets or
// personal data enter a prompt (secret-in-prompt). Also LangChain prompt templates and their variables.
import { ts } from '../ts';
import type { Interpreter } from './interpreter';
import type { SlotKind } from '../knowledge/models';
import { activeFlows, deepFlows, type Flow, type PromptTemplateInfo, type StrPart, type TemplateVar, type Value } from './values';

/** Words that only label data ("Question:", "Context:") and carry no instruction. */
const LABEL_WORDS = new Set([
  'question', 'questions', 'input', 'user', 'users', 'query', 'text', 'message', 'messages', 'context', 'data', 'document',
  'documents', 'docs', 'content', 'answer', 'request', 'prompt', 'name', 'title', 'body', 'email', 'topic', 'subject',
  'history', 'conversation', 'chat', 'here', 'is', 'are', 'the', 'a', 'an', 'of', 'and', 'or', 'to', 'from', 'on', 'in',
  'ticket', 'id', 'article', 'page', 'source', 'sources', 'result', 'results', 'customer', 'human', 'assistant', 'ai',
  'system', 'note', 'notes', 'file', 'files', 'language', 'lang', 'description', 'summary',
]);

/** Verbs that make a short "Phrase: " an instruction rather than a data label. */
const INSTRUCTION_VERB = /^(you|act|pretend|ignore|translate|summari[sz]e|classify|answer|rewrite|explain|write|generate|extract|respond|reply|describe|list|create|draft|convert|analy[sz]e|rate|review|fix|correct|improve|make|give|tell|compose|suggest|return|output|only|always|never|do|don't|please)\b/i;

/** Drops "Label: " segments that end right before a value (`Columns: ${cols}\nChart request: ${q}`). */
function withoutLabels(text: string): string {
  return text.replace(/(^|\n)[ \t]*([A-Za-z][A-Za-z0-9 _()/-]{0,40}):[ \t]*$/g, (m, lead: string, label: string) => (INSTRUCTION_VERB.test(label.trim()) ? m : lead));
}

export function instructionWordCount(parts: readonly StrPart[], depth = 0): number {
  let count = 0;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (p.lit === undefined) {
      if (p.value?.parts && depth < 4) count += instructionWordCount(p.value.parts, depth + 1);
      continue;
    }
    const lit = i + 1 < parts.length ? withoutLabels(p.lit) : p.lit;
    const text = lit.replace(/<\/?[A-Za-z][\w:-]*[^>]*>/g, ' ').replace(/\{[\w.]+\}/g, ' ');
    for (const w of text.match(/[A-Za-z][A-Za-z'-]+/g) ?? []) if (!LABEL_WORDS.has(w.toLowerCase())) count++;
  }
  return count;
}

function delimited(before: string | undefined, after: string | undefined): boolean {
  const b = (before ?? '').replace(/\s+$/, '');
  const a = (after ?? '').replace(/^\s+/, '');
  const open = /<([A-Za-z][\w:-]*)(\s[^<>]*)?>$/.exec(b);
  if (open && new RegExp(`^</${open[1]}>`).test(a)) return true;
  const fence = /(```|"""|''')[\w-]*$/.exec(b);
  if (fence && a.startsWith(fence[1])) return true;
  return false;
}

const INJECTION_KINDS = ['untrusted', 'retrieved'] as const;

/** A single prompt string carrying the developer's instructions with undelimited untrusted text. */
function mixedInjection(value: Value): Flow | undefined {
  const parts = value.parts;
  if (!parts || instructionWordCount(parts) < 2) return undefined;
  return undelimitedTaint(parts, 0);
}

/** The first untrusted piece that is not inside a delimited data block, looking into nested strings. */
function undelimitedTaint(parts: readonly StrPart[], depth: number): Flow | undefined {
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (!p.value) continue;
    const flows = activeFlows(deepFlows(p.value), 'prompt', [...INJECTION_KINDS]);
    if (flows.length === 0) continue;
    if (delimited(parts[i - 1]?.lit, parts[i + 1]?.lit)) continue;
    if (p.value.parts && p.value.parts.length > 1 && depth < 4) {
      const inner = undelimitedTaint(p.value.parts, depth + 1);
      if (inner) return inner;
      if (p.value.parts.some((q) => q.value && activeFlows(deepFlows(q.value), 'prompt', [...INJECTION_KINDS]).length)) continue;
    }
    return flows[0];
  }
  return undefined;
}

export interface SlotTarget {
  value: Value;
  node: ts.Node;
  label: string;
}

/** Checks one prompt slot. `node` is where a finding is reported (the property or argument). */
export function checkSlot(interp: Interpreter, kind: SlotKind, target: SlotTarget): void {
  const { value, node, label } = target;
  if (kind === 'instructions' || kind === 'tool-description' || kind === 'user' || kind === 'mixed') recordPromptFlows(interp, value, node, label, kind);
  switch (kind) {
    case 'instructions':
    case 'tool-description':
      reportInstructions(interp, value, node, label);
      reportSecrets(interp, value, node, label);
      return;
    case 'user':
    case 'mixed':
      reportMixed(interp, value, node, label);
      reportSecrets(interp, value, node, label);
      return;
    case 'messages':
      checkMessages(interp, value, node, label);
      return;
    case 'auto':
      if (value.elements) checkMessages(interp, value, node, label);
      else if (value.props?.has('role') || value.props?.has('messages')) checkMessages(interp, { flows: [], elements: value.props.has('messages') ? value.props.get('messages')!.elements ?? [] : [value] }, node, label);
      else if (value.message) reportSecrets(interp, value, node, label);
      else {
        recordPromptFlows(interp, value, node, label, value.parts && instructionWordCount(value.parts) >= 2 ? 'mixed' : 'user');
        reportMixed(interp, value, node, label);
        reportSecrets(interp, value, node, label);
      }
      return;
    default:
      return;
  }
}

/** For a slot holding a list of text blocks ([{ type: 'text', text }]), the block property where taint enters. */
function preciseNode(value: Value, node: ts.Node, kinds: readonly string[]): ts.Node {
  for (const el of value.elements ?? []) {
    for (const key of ['text', 'content']) {
      const v = el.props?.get(key);
      const n = el.propNodes?.get(key);
      if (v && n && activeFlows(deepFlows(v), 'prompt', kinds as never[]).length) return n;
    }
  }
  return node;
}

const RECORDED_KINDS = ['untrusted', 'retrieved', 'secret', 'pii'] as const;

function recordPromptFlows(interp: Interpreter, value: Value, node: ts.Node, label: string, kind: SlotKind): void {
  const role = kind === 'user' ? 'user' : kind === 'mixed' ? 'mixed' : 'instructions';
  for (const f of activeFlows(deepFlows(value), 'prompt', [...RECORDED_KINDS])) {
    interp.inventory.promptFlow(f.steps[0].node, node, { sourceKind: f.kind, sourceLabel: f.steps[0].label, role, sinkLabel: label });
  }
}

/**
 * Into privileged instructions, model-chosen tool arguments are untrusted too: a tool that builds another model's
 * system prompt from its arguments passes on whatever an injected caller chose.
 */
const INSTRUCTION_INJECTION_KINDS = [...INJECTION_KINDS, 'tool-args'] as const;

function reportInstructions(interp: Interpreter, value: Value, node: ts.Node, label: string): void {
  const flows = activeFlows(deepFlows(value), 'prompt', [...INSTRUCTION_INJECTION_KINDS]);
  if (flows.length === 0) return;
  const flow = flows[0];
  interp.reporter.report({ rule: 'prompt-injection', node: preciseNode(value, node, INSTRUCTION_INJECTION_KINDS), source: flow.steps[0].label, sink: label, flow, sinkLabel: label });
}

function reportMixed(interp: Interpreter, value: Value, node: ts.Node, label: string): void {
  const flow = mixedInjection(value);
  if (!flow) return;
  interp.reporter.report({
    rule: 'prompt-injection',
    node,
    source: flow.steps[0].label,
    sink: `${label}, a prompt that also carries the developer's instructions`,
    flow,
    sinkLabel: `${label} (mixed with instructions)`,
    severity: 'warning',
  });
}

function reportSecrets(interp: Interpreter, value: Value, node: ts.Node, label: string): void {
  const flows = activeFlows(deepFlows(value), 'prompt', ['secret', 'pii']);
  if (flows.length === 0) return;
  const flow = flows[0];
  interp.reporter.report({ rule: 'secret-in-prompt', node: preciseNode(value, node, ['secret', 'pii']), source: flow.steps[0].label, sink: label, flow, sinkLabel: label });
}

export type Role = 'system' | 'user' | 'assistant' | 'unknown';

export function roleOf(text: string | undefined): Role {
  switch ((text ?? '').toLowerCase()) {
    case 'system':
    case 'developer':
      return 'system';
    case 'user':
    case 'human':
      return 'user';
    case 'assistant':
    case 'ai':
    case 'model':
    case 'tool':
    case 'function':
    case 'chatbot':
      return 'assistant';
    default:
      return 'unknown';
  }
}

function literalOf(v: Value | undefined): string | undefined {
  if (!v?.parts || v.parts.length !== 1) return undefined;
  return v.parts[0].lit;
}

interface MessageView {
  role: Role;
  content: Value;
  node: ts.Node;
  isMessageObject: boolean;
}

/** The role and content of one element of a message list, in any SDK's shape. */
function messageView(el: Value, fallbackNode: ts.Node): MessageView {
  if (el.message) return { role: el.message.role, content: el, node: fallbackNode, isMessageObject: true };
  // LangChain tuples: ["system", "text"]
  if (el.elements && el.elements.length >= 2 && literalOf(el.elements[0])) {
    return { role: roleOf(literalOf(el.elements[0])), content: el.elements[1], node: fallbackNode, isMessageObject: false };
  }
  const roleValue = el.props?.get('role');
  const role = roleValue ? roleOf(literalOf(roleValue)) : 'unknown';
  const contentKey = ['content', 'parts', 'text', 'message'].find((k) => el.props?.has(k));
  const content = contentKey ? el.props!.get(contentKey)! : el;
  const node = (contentKey && el.propNodes?.get(contentKey)) || fallbackNode;
  return { role, content, node, isMessageObject: false };
}

function checkMessages(interp: Interpreter, value: Value, node: ts.Node, label: string): void {
  for (const el of value.elements ?? []) {
    const view = messageView(el, node);
    if (view.isMessageObject) continue; // checked where it was built
    if (view.role === 'system') {
      checkSlot(interp, 'instructions', { value: view.content, node: view.node, label: `the ${label === 'messages' ? 'system message' : 'system message'}` });
    } else if (view.role === 'user' || view.role === 'unknown') {
      checkSlot(interp, 'user', { value: view.content, node: view.node, label: 'a user message' });
    } else {
      reportSecrets(interp, view.content, view.node, 'an assistant message');
    }
  }
}

// ---------------------------------------------------------------- templates (LangChain)

function templateVariables(text: string): { name: string; index: number }[] {
  const out: { name: string; index: number }[] = [];
  const re = /(?<!\{)\{([A-Za-z_][\w]*)\}(?!\})/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ name: m[1], index: m.index });
  return out;
}

function varsOfText(text: string, role: Role | 'mixed'): TemplateVar[] {
  const vars = templateVariables(text);
  if (role === 'system') return vars.map((v) => ({ name: v.name, role: 'instructions' }));
  // A variable of a human-message template is the intended shape, whatever text surrounds it.
  if (role !== 'mixed') return vars.map((v) => ({ name: v.name, role: 'user' }));
  const instructions = instructionWordCount([{ lit: text }]) >= 2;
  return vars.map((v) => {
    const before = text.slice(0, v.index);
    const after = text.slice(v.index + v.name.length + 2);
    const isMixed = instructions && !delimited(before, after);
    return { name: v.name, role: isMixed ? 'mixed-instructions' : 'user' };
  });
}

/** Builds the variable roles of a template from its messages (or single string). */
export function buildTemplate(kind: SlotKind, value: Value, node: ts.Node, interp: Interpreter): PromptTemplateInfo {
  const vars: TemplateVar[] = [];
  if (kind === 'messages') {
    checkMessages(interp, value, node, 'prompt template');
    for (const el of value.elements ?? []) {
      if (el.template) {
        vars.push(...el.template.vars);
        continue;
      }
      const view = messageView(el, node);
      const text = literalTextOf(view.content);
      if (text !== undefined) vars.push(...varsOfText(text, view.role === 'unknown' ? 'user' : view.role));
    }
  } else {
    const text = literalTextOf(value);
    if (text !== undefined) vars.push(...varsOfText(text, kind === 'instructions' ? 'system' : kind === 'user' ? 'user' : 'mixed'));
    if (kind === 'instructions') reportInstructions(interp, value, node, 'the system prompt template');
    else reportMixed(interp, value, node, 'the prompt template');
  }
  return { vars };
}

function literalTextOf(v: Value): string | undefined {
  if (!v.parts) return undefined;
  return v.parts.map((p) => p.lit ?? '').join('');
}

/** `chain.invoke({ persona, question })`: each variable's value enters the template with its role. */
export function checkTemplateVars(interp: Interpreter, template: PromptTemplateInfo, vars: Value | undefined, argNode: ts.Node | undefined, callNode: ts.Node): void {
  if (!vars) return;
  for (const v of template.vars) {
    const value = vars.props?.get(v.name) ?? (vars.props && !vars.openProps ? undefined : vars);
    if (!value) continue;
    const node = vars.propNodes?.get(v.name) ?? argNode ?? callNode;
    recordPromptFlows(interp, value, node, `template variable {${v.name}}`, v.role === 'instructions' ? 'instructions' : v.role === 'mixed-instructions' ? 'mixed' : 'user');
    if (v.role === 'instructions') checkSlot(interp, 'instructions', { value, node, label: `the system prompt template variable {${v.name}}` });
    else if (v.role === 'mixed-instructions') {
      const flows = activeFlows(deepFlows(value), 'prompt', [...INJECTION_KINDS]);
      if (flows.length) {
        interp.reporter.report({ rule: 'prompt-injection', node, source: flows[0].steps[0].label, sink: `the prompt template variable {${v.name}}, next to the developer's instructions`, flow: flows[0], sinkLabel: `template variable {${v.name}}`, severity: 'warning' });
      }
      reportSecrets(interp, value, node, `the prompt template variable {${v.name}}`);
    } else reportSecrets(interp, value, node, `the prompt template variable {${v.name}}`);
  }
}
