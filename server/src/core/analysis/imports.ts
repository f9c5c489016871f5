// What an import binds: a workspace module's export (followed across files), an SDK export,
// or a plain npm module member (child_process.exec, express, pg...).
import { ts } from '../ts';
import type { Interpreter } from './interpreter';
import type { ModuleCtx } from './scope';
import { moduleMatches, type SdkModel } from '../knowledge/models';
import type { Value } from './values';

export function sdkForModule(interp: Interpreter, spec: string): SdkModel | undefined {
  // An exact module name wins over a `scope/*` pattern (@ai-sdk/react over @ai-sdk/*).
  return interp.knowledge.sdks.find((m) => m.modules.includes(spec)) ?? interp.knowledge.sdks.find((m) => moduleMatches(spec, m.modules));
}

/** The value bound by `import { name } from spec` ('default', '*' for a namespace). */
/** Deno and CDN specifiers name npm packages too: `npm:openai@4.52.0`, `https://esm.sh/openai@4?target=deno`. */
export function packageSpec(spec: string): string {
  const m = /^(?:npm:|https?:\/\/esm\.sh\/)((?:@[^/@]+\/)?[^/@?]+)(?:@[^/?]*)?(\/[^?]*)?/.exec(spec);
  return m ? `${m[1]}${m[2] ?? ''}` : spec;
}

export function importBinding(interp: Interpreter, ctx: ModuleCtx, rawSpec: string, name: string, _node: ts.Node): Value {
  const spec = packageSpec(rawSpec);
  const target = interp.ws.resolveImport(spec, ctx.file);
  if (target) {
    if (name === '*') return interp.namespaceOf(target);
    const v = interp.exportOf(target, name);
    if (name === 'default' && v.flows.length === 0 && Object.keys(v).length === 1) {
      // `import x from './cjs'` where the module assigns module.exports
      return interp.exportOf(target, '*cjs');
    }
    return v;
  }
  return packageBinding(interp, spec, name);
}

export function packageBinding(interp: Interpreter, spec: string, name: string): Value {
  const sdk = sdkForModule(interp, spec);
  if (sdk) {
    if (name === '*') return { flows: [], sdk: { model: sdk, module: spec, kind: 'namespace', path: [] } };
    const kind = sdk.exports.get(name);
    if (kind === 'client-instance') return { flows: [], sdk: { model: sdk, module: spec, kind: 'client', path: [], client: { node: ts.factory.createIdentifier(name), capped: false } } };
    if (kind === 'provider') return { flows: [], sdk: { model: sdk, module: spec, kind: 'provider', exportName: name, path: [] } };
    return { flows: [], sdk: { model: sdk, module: spec, kind: 'export', exportName: name, path: [] } };
  }
  return { flows: [], module: { spec, path: name === '*' || name === 'default' ? [] : [name] } };
}

/** `require('x')` */
export function requireBinding(interp: Interpreter, ctx: ModuleCtx, rawSpec: string): Value {
  const spec = packageSpec(rawSpec);
  const target = interp.ws.resolveImport(spec, ctx.file);
  if (target) {
    const cjs = interp.exportOf(target, '*cjs');
    if (cjs.flows.length > 0 || Object.keys(cjs).length > 1) return cjs;
    const def = interp.exportOf(target, 'default');
    const ns = interp.namespaceOf(target);
    if (Object.keys(def).length > 1 && !ns.props?.size) return def;
    return ns;
  }
  const sdk = sdkForModule(interp, spec);
  if (sdk) return { flows: [], sdk: { model: sdk, module: spec, kind: 'namespace', path: [] } };
  return { flows: [], module: { spec, path: [] } };
}
