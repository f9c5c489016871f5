// Runs the real, built CLI (dist/promptward.js) as a child process, and prepares fixture copies to run it on.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { JsonReport } from '../../src/cli/format-json';

export const ROOT = path.resolve(__dirname, '../../../..');
export const CLI = path.join(ROOT, 'dist', 'promptward.js');
export const CONFIG_FIXTURES = path.join(ROOT, 'test-fixtures', 'config');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function promptward(args: readonly string[], options: { cwd?: string } = {}): Run {
  assert.ok(existsSync(CLI), `${CLI} is missing: run npm run build first`);
  const run = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', PROMPTWARD_DEBUG: '' },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The JSON report of a run that printed one (`--format json`). */
export function json(run: Run): JsonReport {
  try {
    return JSON.parse(run.stdout) as JsonReport;
  } catch {
    assert.fail(`not JSON (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
}

/** `path:line rule` for each finding, suppressed ones marked, in report order. */
export function brief(report: JsonReport): string[] {
  return report.findings.map((f) => `${f.location.path}:${f.location.startLine} ${f.ruleId}${f.suppressed ? ' (suppressed)' : ''}`);
}

const temps: string[] = [];

/**
 * A fresh copy of test-fixtures/<name> (e.g. config/custom-sink) in a temporary folder that is its own repository root (it holds
 * a .git folder), so no config above it is found. Removed by `removeTemps()`.
 */
export function fixtureCopy(name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `promptward-${name.replace(/\W+/g, '-')}-`));
  temps.push(dir);
  cpSync(path.join(ROOT, 'test-fixtures', name), dir, { recursive: true });
  mkdirSync(path.join(dir, '.git'), { recursive: true });
  return dir;
}

/** An empty temporary repository (with a .git folder). */
export function tempRepo(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'promptward-repo-'));
  temps.push(dir);
  mkdirSync(path.join(dir, '.git'));
  return dir;
}

export function removeTemps(): void {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
}
