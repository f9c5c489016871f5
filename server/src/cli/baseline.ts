// Baselines: a JSON file of the findings accepted at one time. --baseline reports only findings whose fingerprint
// the baseline does not hold, counting: a fingerprint listed twice absorbs two equal findings, and a third is new.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { findRulesDir } from '../core';
import { parseLocated, type ReportFinding } from '../config';
import { InputError, reason } from './fs-errors';
import { pathInside } from './paths';
import { isActive } from './report-model';
import { TOOL_NAME, TOOL_VERSION } from './tool-info';

export const BASELINE_VERSION = 1;

interface BaselineEntry {
  fingerprint: string;
  ruleId?: string;
  path?: string;
  message?: string;
}

interface BaselineFile {
  version: 1;
  tool?: { name?: string; version?: string };
  findings: BaselineEntry[];
}

/** Fingerprint → how many findings with it the baseline accepts. Throws YamlFileError (file:line:col) or InputError. */
export function readBaseline(file: string, shownAs: string): Map<string, number> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError(`cannot read baseline ${shownAs}: ${reason(err)}`);
  }
  const schema = path.join(findRulesDir(), 'schema', 'baseline.schema.json');
  const { data } = parseLocated<BaselineFile>(file, text, schema, { what: 'JSON' });
  const counts = new Map<string, number>();
  for (const entry of data.findings) counts.set(entry.fingerprint, (counts.get(entry.fingerprint) ?? 0) + 1);
  return counts;
}

/** The baseline of the active findings, sorted so that rewriting it gives small diffs. */
export function baselineText(findings: readonly ReportFinding[], root: string): string {
  const entries: BaselineEntry[] = findings.filter(isActive).map((f) => ({
    fingerprint: f.fingerprint,
    ruleId: f.ruleId,
    path: pathInside(root, f.location.file) ?? f.location.file,
    message: f.message,
  }));
  const key = (e: BaselineEntry) => `${e.path}\u0000${e.ruleId}\u0000${e.fingerprint}`;
  entries.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const file: BaselineFile = { version: BASELINE_VERSION, tool: { name: TOOL_NAME, version: TOOL_VERSION }, findings: entries };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Leaves out the active findings the baseline accepts (in report order); suppressed findings stay as they are. */
export function subtractBaseline(findings: readonly ReportFinding[], baseline: ReadonlyMap<string, number>): { findings: ReportFinding[]; baselined: number } {
  const left = new Map(baseline);
  const out: ReportFinding[] = [];
  let baselined = 0;
  for (const finding of findings) {
    const count = isActive(finding) ? left.get(finding.fingerprint) ?? 0 : 0;
    if (count > 0) {
      left.set(finding.fingerprint, count - 1);
      baselined++;
    } else out.push(finding);
  }
  return { findings: out, baselined };
}
