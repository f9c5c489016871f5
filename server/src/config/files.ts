// Which files a config lets the scan analyse: include globs (if any) and exclude globs, relative to its folder.
import * as path from 'node:path';
import { globMatches } from './glob';
import type { PromptwardConfig } from './load';

/** `file` relative to `base` with `/`, or undefined when it lies outside `base`. */
function relativeTo(base: string, file: string): string | undefined {
  const rel = path.relative(base, file);
  if (rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}

/** True for an absolute file path the config leaves out; undefined when the config filters nothing. */
export function excludedBy(config: PromptwardConfig): ((file: string) => boolean) | undefined {
  const { include, exclude, baseDir } = config;
  if (include.length === 0 && exclude.length === 0) return undefined;
  return (file) => {
    const rel = relativeTo(baseDir, file);
    if (include.length > 0 && (rel === undefined || !include.some((g) => globMatches(g, rel)))) return true;
    return rel !== undefined && exclude.some((g) => globMatches(g, rel));
  };
}
