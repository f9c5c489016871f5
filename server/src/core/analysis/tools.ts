// Tools the model can call: their functions run with model-chosen arguments. The sinks they reach
// (shell, file writes, network) decide excessive-agency; approval options switch it off.
import { ts } from '../ts';
import type { CallCtx } from './calls';
import type { CallModel } from '../knowledge/models';
import type { ToolCtx } from './scope';
import { argPath } from './sdk';
import { checkSlot } from './prompts';
import { fresh, source, type SchemaShape, type SdkRef, type Value } from './values';
import { applySchema, shapeOf } from './schema';

function toolName(ctx: CallCtx): string {
  const first = ctx.argNodes[0];
  if (first && ts.isStringLiteralLike(first)) return first.text;
  const nameProp = ctx.args.map((a) => a.props?.get('name')?.parts?.[0]?.lit).find((n) => n);
  if (nameProp) return nameProp;
  const parent = ctx.node.parent;
  if (ts.isPropertyAssignment(parent) || ts.isVariableDeclaration(parent)) return parent.name.getText();
  return 'tool';
}

/** The schema the SDK validates tool arguments with (AI SDK inputSchema/parameters, LangChain schema, MCP shape). */
function toolSchema(ctx: CallCtx): SchemaShape | undefined {
  for (const a of ctx.args) {
    for (const key of ['inputSchema', 'parameters', 'schema', 'argsSchema']) {
      const s = shapeOf(a.props?.get(key));
      if (s) return s;
    }
    const raw = shapeOf(a);
    if (raw && !a.fns) return raw;
  }
  return undefined;
}

function approvalGiven(ctx: CallCtx, call: CallModel): boolean {
  for (const p of call.approval) {
    const t = argPath(ctx, p);
    if (!t) continue;
    const lit = t.value.parts?.length === 1 ? t.value.parts[0].lit : undefined;
    if (lit === 'false') continue;
    return true; // true, a function deciding per call, or a setting we cannot see
  }
  return false;
}

/**
 * Tools whose calls LangChain's human-in-the-loop middleware interrupts for a decision:
 * `humanInTheLoopMiddleware({ interruptOn: { <tool name>: true | { allowedDecisions: [...] } } })`, in this file.
 */
const interruptedByFile = new WeakMap<ts.SourceFile, Set<string>>();
function interruptedTools(sf: ts.SourceFile): Set<string> {
  let names = interruptedByFile.get(sf);
  if (names) return names;
  names = new Set();
  interruptedByFile.set(sf, names);
  if (!sf.text.includes('interruptOn')) return names;
  const found = names;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && /(^|\.)humanInTheLoopMiddleware$/.test(node.expression.getText(sf))) {
      const config = node.arguments[0];
      const interruptOn = config && ts.isObjectLiteralExpression(config)
        ? config.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText(sf).replace(/['"]/g, '') === 'interruptOn')
        : undefined;
      if (interruptOn && ts.isObjectLiteralExpression(interruptOn.initializer)) {
        for (const p of interruptOn.initializer.properties) {
          if (!ts.isPropertyAssignment(p) || p.initializer.kind === ts.SyntaxKind.FalseKeyword) continue;
          found.add(p.name.getText(sf).replace(/^['"`]|['"`]$/g, ''));
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return names;
}

export function defineTool(ctx: CallCtx, call: CallModel, ref: SdkRef): Value {
  const name = toolName(ctx);
  for (const [path, kind] of call.slots) {
    const t = argPath(ctx, path);
    if (t) checkSlot(ctx.interp, kind, { value: t.value, node: t.node, label: `the description of tool "${name}"` });
  }
  // Some SDKs take either tool(fn, config) or tool({ ..., execute }): try the model's path, then the object form.
  const execute = [call.execute, '0.execute', '0.func', '0.handler'].map((p) => (p ? argPath(ctx, p) : undefined)).find((t) => t?.value.fns);
  const approved = approvalGiven(ctx, call) || interruptedTools(ctx.node.getSourceFile()).has(name);
  const tool: ToolCtx = { node: ctx.node, approved, reported: false, name, capabilities: new Set() };
  const schema = toolSchema(ctx);
  for (const fn of execute?.value.fns ?? []) {
    const param = fn.decl.parameters[0];
    let args: Value = { flows: [source('tool-args', param ?? fn.decl, `arguments of tool "${name}" (chosen by the model)`)] };
    if (schema) args = applySchema(schema, args, ctx); // the SDK validates the arguments against the schema
    if (call.executeInput) args = { flows: [], props: new Map([[call.executeInput, args]]) };
    ctx.interp.invoke(fn, [args, fresh()], ctx.node, ctx.scope, { tool, name: `tool "${name}"` });
  }
  void ref;
  const info = ctx.interp.inventory.tool(ctx.node, { name, capabilities: [], approvalRequired: false });
  info.capabilities = [...new Set([...info.capabilities, ...tool.capabilities!])].sort();
  info.approvalRequired = tool.approved;
  return { flows: [], fns: execute?.value.fns };
}
