// Reads the rules' markdown docs (rules/docs/<id>.md) for the SARIF help texts.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { errorCode } from './fs-errors';

/** Rule id → markdown, for each id that has a doc; a missing doc is simply absent. */
export function readRuleDocs(rulesDir: string, ids: readonly string[]): Map<string, string> {
  const docs = new Map<string, string>();
  for (const id of ids) {
    try {
      docs.set(id, readFileSync(path.join(rulesDir, 'docs', `${id}.md`), 'utf8'));
    } catch (err) {
      if (errorCode(err) !== 'ENOENT') throw err;
    }
  }
  return docs;
}
