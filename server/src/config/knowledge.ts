// Adds a config file's sources, sinks, sanitizers and guards to the knowledge loaded from rules/. The config's
// entries come first, so a sanitizer declared by the project wins over a built-in one of the same name.
import { loadKnowledge, sinkFromYaml, sourceFromYaml, type GuardModel, type Knowledge } from '../core/knowledge/models';
import type { ConfigFileData, GuardNames } from './load';

export function hasKnowledge(data: ConfigFileData): boolean {
  return !!(data.sources?.length || data.sinks?.length || data.sanitizers?.length || data.guards?.auth || data.guards?.['rate-limit']);
}

function extendGuard(base: GuardModel, extra: GuardNames | undefined): GuardModel {
  if (!extra) return base;
  return {
    modules: [...(extra.modules ?? []), ...base.modules],
    functions: [...(extra.functions ?? []), ...base.functions],
    namePattern: base.namePattern,
  };
}

/** A new Knowledge (the base is shared and cached, so it is never changed); the base itself when nothing is added. */
export function mergeKnowledge(base: Knowledge, data: ConfigFileData): Knowledge {
  if (!hasKnowledge(data)) return base;
  return {
    sdks: base.sdks,
    sources: [
      ...(data.sources ?? []).map(sourceFromYaml),
      ...base.sources,
    ],
    sinks: [
      ...(data.sinks ?? []).map(sinkFromYaml),
      ...base.sinks,
    ],
    sanitizers: [...(data.sanitizers ?? []).map((s) => ({ for: s.for, function: s.function })), ...base.sanitizers],
    guards: { auth: extendGuard(base.guards.auth, data.guards?.auth), rateLimit: extendGuard(base.guards.rateLimit, data.guards?.['rate-limit']) },
  };
}

/** The knowledge to scan with under `config`: undefined (the core's default, rules/ alone) when it adds nothing. */
export function knowledgeFor(data: ConfigFileData): Knowledge | undefined {
  return hasKnowledge(data) ? mergeKnowledge(loadKnowledge(), data) : undefined;
}
