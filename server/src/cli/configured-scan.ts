// A scan as both `scan` and `threat-model` run it: the config's knowledge and excludes, progress on stderr,
// and the list of files actually scanned (the files whose promptward-ignore comments apply).
import { scan, type ScanProgress, type ScanResult } from '../core';
import { excludedBy, knowledgeFor, type PromptwardConfig } from '../config';
import { progressReporter } from './progress';

export async function configuredScan(paths: string[], cwd: string, config: PromptwardConfig, stderr: NodeJS.WriteStream): Promise<{ result: ScanResult; files: string[] }> {
  const excluded = excludedBy(config);
  const files: string[] = [];
  const progress = progressReporter(stderr);
  try {
    const result = await scan(paths, {
      cwd,
      onProgress: (p: ScanProgress) => progress.update(p),
      knowledge: knowledgeFor(config.data),
      // Called once per collected file: it also tells which files to read suppression comments from.
      exclude: (file) => {
        const out = excluded?.(file) ?? false;
        if (!out) files.push(file);
        return out;
      },
    });
    return { result, files };
  } finally {
    progress.clear();
  }
}
