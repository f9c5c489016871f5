// Fixture expectations: `// expect: rule-id` / `// ok: rule-id` on the line before the code they are about.
import * as fs from 'fs';
import * as path from 'path';
import { analyseFiles } from '../../src/core/scan';
import { collectFiles } from '../../src/core/files';
import { RULE_IDS, type Finding } from '../../src/core/types';

export interface Expectations {
  expect: Set<string>;
  ok: Set<string>;
  todoExpect: Set<string>;
  todoOk: Set<string>;
  errors: string[];
}

const ANNOTATION = /(?:\/\/|\/\*|\{\/\*)\s*(expect|ok|todo-expect|todo-ok):\s*([a-z][a-z, -]*[a-z])/g;

export function readExpectations(file: string): Expectations {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const out: Expectations = { expect: new Set(), ok: new Set(), todoExpect: new Set(), todoOk: new Set(), errors: [] };
  lines.forEach((line, i) => {
    for (const m of line.matchAll(ANNOTATION)) {
      const target = i + 2; // the next line, 1-based
      for (const id of m[2].split(',').map((s) => s.trim()).filter(Boolean)) {
        if (!(RULE_IDS as readonly string[]).includes(id)) {
          out.errors.push(`${file}:${i + 1}: unknown rule id "${id}"`);
          continue;
        }
        const key = `${target}:${id}`;
        ({ expect: out.expect, ok: out.ok, 'todo-expect': out.todoExpect, 'todo-ok': out.todoOk } as Record<string, Set<string>>)[m[1]].add(key);
      }
    }
  });
  return out;
}

/** Each direct child of a fixture folder (a file or a folder) is its own project. */
export function fixtureCases(folder: string): { name: string; root: string; files: string[] }[] {
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .filter((e) => e.isDirectory() || /\.[cm]?[jt]sx?$/.test(e.name))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((e) => {
      const full = path.join(folder, e.name);
      if (e.isDirectory()) return { name: e.name, root: full, files: collectFiles([full], folder).files };
      return { name: e.name, root: folder, files: [full] };
    });
}

export interface CaseResult {
  name: string;
  files: string[];
  findings: Finding[];
  problems: string[];
  expectedCount: number;
  okCount: number;
}

export function runCase(c: { name: string; root: string; files: string[] }): CaseResult {
  const { findings } = analyseFiles(c.root, c.files);
  const problems: string[] = [];
  let expectedCount = 0;
  let okCount = 0;
  for (const file of c.files) {
    const exp = readExpectations(file);
    problems.push(...exp.errors);
    expectedCount += exp.expect.size;
    okCount += exp.ok.size;
    const actual = new Map<string, Finding>();
    for (const f of findings) if (f.location.file === file) actual.set(`${f.location.start.line}:${f.ruleId}`, f);
    const rel = path.relative(process.cwd(), file);
    for (const key of exp.expect) if (!actual.has(key)) problems.push(`${rel}:${key.replace(':', ' ')} expected but not reported`);
    for (const [key, f] of actual) {
      if (exp.expect.has(key) || exp.todoOk.has(key)) continue;
      const why = exp.ok.has(key) ? ' (marked ok)' : exp.todoExpect.has(key) ? ' (now found: promote todo-expect to expect)' : '';
      problems.push(`${rel}:${key.replace(':', ' ')} reported but not expected${why}: ${f.message}`);
    }
  }
  return { name: c.name, files: c.files, findings, problems, expectedCount, okCount };
}
