// Every quick fix is tested by applying it: the edited text parses, the finding is gone after re-analysis, and
// no new finding appears. Run over every finding of every fixture project, plus the shapes each fix must refuse.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { defaultConfig } from '../src/config';
import { LineIndex, applyEdits, editsByFile, selectCompatible } from '../src/core/edits';
import { fixesFor, ignoreFix, parseText, quickFixes, syntaxErrorCount, IGNORE_REASON_PLACEHOLDER } from '../src/core/quickfixes';
import { analyseFiles } from '../src/core/scan';
import type { Finding, Fix } from '../src/core/types';
import { Workspace } from '../src/core/workspace';
import { present } from '../src/lsp/config';
import { fixtureCases } from './helpers/fixtures';
import { FIXTURES } from './helpers/projects';

const RULE_FOLDERS = ['prompt-injection', 'secret-in-prompt', 'hardcoded-llm-key', 'browser-exposed-llm-key', 'unvalidated-llm-output', 'excessive-agency', 'missing-rate-limit', 'unauthenticated-llm-endpoint', 'missing-max-tokens', 'insecure-llm-transport'];

interface Case {
  name: string;
  root: string;
  files: string[];
}

const cases: Case[] = [
  ...RULE_FOLDERS.flatMap((rule) => fixtureCases(path.join(FIXTURES, rule)).map((c) => ({ ...c, name: `${rule}/${c.name}` }))),
  ...fixtureCases(FIXTURES).filter((c) => c.name === 'demo-app'),
];

function counts(findings: readonly Finding[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of findings) m.set(`${f.location.file}|${f.ruleId}`, (m.get(`${f.location.file}|${f.ruleId}`) ?? 0) + 1);
  return m;
}

/** Applies a fix to the case's files (as overlays) and re-analyses; returns problems, or none. */
function applyAndCheck(c: Case, finding: Finding, fix: Fix, before: readonly Finding[]): { problems: string[]; after: Finding[]; texts: Map<string, string> } {
  const ws = new Workspace(c.root);
  const problems: string[] = [];
  const texts = new Map<string, string>();
  for (const [file, edits] of editsByFile(fix.edits)) {
    const original = readFileSync(file, 'utf8');
    const edited = applyEdits(original, edits);
    texts.set(file, edited);
    const errors = syntaxErrorCount(parseText(file, edited));
    if (errors > syntaxErrorCount(parseText(file, original))) problems.push(`${path.basename(file)} no longer parses (${errors} syntax errors)`);
    ws.setOverlay(file, edited);
  }
  const after = analyseFiles(c.root, c.files, {}, ws).findings;
  const b = counts(before);
  const a = counts(after);
  const k = `${finding.location.file}|${finding.ruleId}`;
  if ((a.get(k) ?? 0) >= (b.get(k) ?? 0)) problems.push(`the ${finding.ruleId} finding is still reported`);
  for (const [kk, n] of a) if (n > (b.get(kk) ?? 0)) problems.push(`a new finding appeared: ${kk.split('|')[1]} in ${path.basename(kk.split('|')[0])}`);
  return { problems, after, texts };
}

describe('quick fixes, applied to every fixture finding', () => {
  const applied = new Map<string, number>();
  for (const c of cases) {
    it(c.name, () => {
      const before = analyseFiles(c.root, c.files).findings;
      for (const finding of before) {
        const text = readFileSync(finding.location.file, 'utf8');
        const fixes = fixesFor(finding, text);
        assert.ok(fixes.filter((f) => f.preferred).length <= 1, 'at most one preferred fix');
        for (const fix of fixes) {
          const where = `${path.relative(FIXTURES, finding.location.file)}:${finding.location.start.line} ${finding.ruleId} "${fix.title}"`;
          const { problems, after } = applyAndCheck(c, finding, fix, before);
          if (/dangerouslyAllowBrowser/.test(fix.title)) {
            // The removal is the edit; the message says the call must move to a server. The finding moves from
            // the flag to the key (the client still ships the key to the browser): checked here, reported to the core.
            const flagStill = after.some((f) => f.ruleId === finding.ruleId && f.location.file === finding.location.file && f.location.startOffset === finding.location.startOffset);
            assert.ok(!flagStill, `${where}: the flag is gone`);
            assert.deepEqual(problems.filter((p) => !/still reported/.test(p)), [], where);
          } else {
            assert.deepEqual(problems, [], where);
          }
          const kind = fixKind(fix);
          applied.set(kind, (applied.get(kind) ?? 0) + 1);
        }
      }
    });
  }

  it('covers every fix issue 4 lists', () => {
    for (const kind of ['env-key', 'browser-flag', 'max-tokens', 'move-to-user-message', 'delimit', 'textContent', 'sanitize-innerHTML', 'sanitize-dangerouslySetInnerHTML', 'json-parse', 'exec-file', 'rate-limit']) {
      assert.ok((applied.get(kind) ?? 0) > 0, `a ${kind} fix was applied and checked (applied: ${JSON.stringify(Object.fromEntries(applied))})`);
    }
  });
});

function fixKind(fix: Fix): string {
  const t = fix.title;
  if (/process\.env/.test(t)) return 'env-key';
  if (/dangerouslyAllowBrowser/.test(t)) return 'browser-flag';
  if (/^Add (max|num_predict|maxOutput)/i.test(t) || /tokens/i.test(t)) return 'max-tokens';
  if (/user message/.test(t)) return 'move-to-user-message';
  if (/^Delimit/.test(t)) return 'delimit';
  if (/textContent/.test(t)) return 'textContent';
  if (/sanitize/.test(t)) {
    const file = fix.edits[fix.edits.length - 1].file;
    const edited = applyEdits(readFileSync(file, 'utf8'), fix.edits.filter((e) => e.file === file));
    return /__html:\s*\w+\.sanitize\(/.test(edited) ? 'sanitize-dangerouslySetInnerHTML' : 'sanitize-innerHTML';
  }
  if (/JSON\.parse/.test(t)) return 'json-parse';
  if (/execFile/.test(t)) return 'exec-file';
  if (/express-rate-limit/.test(t)) return 'rate-limit';
  return t;
}

describe('ignore on this line', () => {
  it('every finding of the demo app is suppressed by its ignore comment, and nothing else changes', () => {
    const [c] = fixtureCases(FIXTURES).filter((x) => x.name === 'demo-app');
    const before = analyseFiles(c.root, c.files).findings;
    const config = { config: defaultConfig(c.root) };
    for (const finding of before) {
      const text = readFileSync(finding.location.file, 'utf8');
      const fix = ignoreFix(finding, text);
      assert.ok(fix, `an ignore action for ${finding.ruleId} at line ${finding.location.start.line}`);
      const edited = applyEdits(text, fix.edits);
      assert.equal(syntaxErrorCount(parseText(finding.location.file, edited)), syntaxErrorCount(parseText(finding.location.file, text)));
      assert.ok(edited.includes(`promptward-ignore-next-line ${finding.ruleId} -- ${IGNORE_REASON_PLACEHOLDER}`));
      const ws = new Workspace(c.root);
      ws.setOverlay(finding.location.file, edited);
      const after = analyseFiles(c.root, c.files, {}, ws).findings.filter((f) => f.location.file === finding.location.file);
      const shownBefore = present(before.filter((f) => f.location.file === finding.location.file), finding.location.file, text, config).shown;
      const shownAfter = present(after, finding.location.file, edited, config).shown;
      assert.equal(shownAfter.filter((f) => f.ruleId === finding.ruleId).length, shownBefore.filter((f) => f.ruleId === finding.ruleId).length - 1, `${finding.ruleId} at ${path.basename(finding.location.file)}:${finding.location.start.line} is suppressed`);
      assert.equal(shownAfter.length, shownBefore.length - 1, 'nothing else appears or disappears (no invalid-ignore)');
    }
  });

  const finding = (file: string, text: string, needle: string, ruleId: Finding['ruleId'] = 'unvalidated-llm-output'): Finding => {
    const start = text.indexOf(needle);
    assert.ok(start >= 0, needle);
    const sf = parseText(file, text);
    const s = sf.getLineAndCharacterOfPosition(start);
    const e = sf.getLineAndCharacterOfPosition(start + needle.length);
    return {
      ruleId, severity: 'error', confidence: 'high', message: 'm', path: [], fixes: [], fingerprint: 'f',
      location: { file, startOffset: start, endOffset: start + needle.length, start: { line: s.line + 1, column: s.character + 1 }, end: { line: e.line + 1, column: e.character + 1 } },
    };
  };

  it('inside JSX children it inserts a JSX comment with the line indentation', () => {
    const text = `export function A({ html }: { html: string }) {\n  return (\n    <section>\n      <div dangerouslySetInnerHTML={{ __html: html }} />\n    </section>\n  );\n}\n`;
    const fix = ignoreFix(finding('/x/a.tsx', text, 'html }} />'), text)!;
    const edited = applyEdits(text, fix.edits);
    assert.match(edited, /\n {6}\{\/\* promptward-ignore-next-line unvalidated-llm-output -- .+ \*\/\}\n {6}<div/);
    assert.equal(syntaxErrorCount(parseText('/x/a.tsx', edited)), 0);
  });

  it('adds the rule to an ignore comment already on the line above', () => {
    const text = `function f(x: string) {\n  // promptward-ignore-next-line prompt-injection -- reviewed\n  eval(x);\n}\n`;
    const fix = ignoreFix(finding('/x/a.ts', text, 'x);'), text)!;
    assert.match(applyEdits(text, fix.edits), /promptward-ignore-next-line prompt-injection, unvalidated-llm-output -- reviewed/);
  });

  it('is not offered where the line starts inside a multi-line string', () => {
    const text = 'const p = `first line\nsecond ${eval(x)} line`;\n';
    assert.equal(ignoreFix(finding('/x/a.ts', text, 'x)} line'), text), undefined);
  });

  it('keeps CRLF line endings', () => {
    const text = 'function f(x: string) {\r\n  eval(x);\r\n}\r\n';
    const edited = applyEdits(text, ignoreFix(finding('/x/a.ts', text, 'x);'), text)!.edits);
    assert.match(edited, /\{\r\n {2}\/\/ promptward-ignore-next-line unvalidated-llm-output -- [^\r\n]+\r\n {2}eval/);
  });
});

describe('quick fixes refuse shapes they cannot fix correctly', () => {
  const at = (file: string, text: string, needle: string, ruleId: Finding['ruleId'], severity: Finding['severity'] = 'error'): Finding => {
    const start = text.indexOf(needle);
    assert.ok(start >= 0, needle);
    return {
      ruleId, severity, confidence: 'high', message: 'm', path: [], fixes: [], fingerprint: 'f',
      location: { file, startOffset: start, endOffset: start + needle.length, start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
    };
  };

  it('eval of model-written code is not turned into JSON.parse', () => {
    const file = path.join(FIXTURES, 'unvalidated-llm-output/eval-generated-code.ts');
    const text = readFileSync(file, 'utf8');
    assert.deepEqual(quickFixes(at(file, text, 'code);', 'unvalidated-llm-output'), text).filter((f) => /JSON/.test(f.title)), []);
  });

  it('exec of a whole model-written command, of a pipeline, or with a shell option gets no execFile fix', () => {
    const head = `import { exec } from 'node:child_process';\ndeclare const out: string;\n`;
    for (const call of ['exec(out);', 'exec(`ls ${out} | wc -l`);', 'exec(`git show ${out}`, { shell: "/bin/bash" });', 'exec(`git show x${out}`);']) {
      const text = head + call + '\n';
      const arg = call.slice(5, call.indexOf(call.includes(', {') ? ', {' : ');'));
      assert.deepEqual(quickFixes(at('/x/a.ts', text, arg, 'unvalidated-llm-output'), text), [], call);
    }
  });

  it('exec of a quoted hole keeps it one argument, and a namespace import keeps its namespace', () => {
    const text = `import * as cp from 'child_process';\ndeclare const out: string;\ncp.execSync(\`git log -1 "\${out}"\`);\n`;
    const [fix] = quickFixes(at('/x/a.ts', text, '`git log -1 "${out}"`', 'unvalidated-llm-output'), text);
    assert.equal(applyEdits(text, fix.edits).split('\n')[2], `cp.execFileSync('git', ['log', '-1', out]);`);
  });

  it('the rate-limit fix reuses an existing express-rate-limit import and needs express', () => {
    const text = `import express from 'express';\nimport limiter from 'express-rate-limit';\nconst app = express();\napp.post('/ask', (req, res) => res.end());\n`;
    const [fix] = quickFixes(at('/x/a.ts', text, `app.post('/ask', (req, res) => res.end())`, 'missing-rate-limit'), text);
    assert.equal(applyEdits(text, fix.edits).split('\n')[3], `app.post('/ask', limiter({ windowMs: 60 * 1000, limit: 20 }), (req, res) => res.end());`);
    const koa = text.replace(/express/g, 'koa');
    assert.deepEqual(quickFixes(at('/x/a.ts', koa, `app.post('/ask', (req, res) => res.end())`, 'missing-rate-limit'), koa), []);
  });

  it('a system prompt built elsewhere (a variable) gets no move fix', () => {
    const text = `declare const openai: any; declare const system: string;\nopenai.chat.completions.create({ messages: [{ role: 'system', content: system }] });\n`;
    assert.deepEqual(quickFixes(at('/x/a.ts', text, 'content: system', 'prompt-injection'), text), []);
  });
});

describe('text edits', () => {
  it('applies insertions at one offset in array order and rejects overlaps', () => {
    const e = (s: number, t: string, end = s) => ({ file: 'f', startOffset: s, endOffset: end, newText: t });
    assert.equal(applyEdits('abc', [e(1, 'X'), e(1, 'Y'), e(2, 'Z', 3)]), 'aXYbZ');
    assert.throws(() => applyEdits('abcdef', [e(1, 'X', 4), e(2, 'Y', 5)]));
  });

  it('selects whole fixes that do not overlap, sharing identical edits', () => {
    const fix = (title: string, ...edits: [number, number, string][]): Fix => ({ title, safe: true, preferred: true, edits: edits.map(([s, end, t]) => ({ file: 'f', startOffset: s, endOffset: end, newText: t })) });
    const { fixes } = selectCompatible([fix('a', [0, 0, 'import x;\n'], [5, 6, 'A']), fix('b', [0, 0, 'import x;\n'], [8, 9, 'B']), fix('c', [5, 7, 'C'])]);
    assert.deepEqual(fixes.map((f) => f.title), ['a', 'b']);
  });

  it('maps offsets to LSP positions with \\n, \\r\\n and \\r, in UTF-16 units', () => {
    const text = 'a😀b\r\nc\rd\ne';
    const index = new LineIndex(text);
    assert.deepEqual(index.position(text.indexOf('b')), { line: 0, character: 3 });
    assert.deepEqual(index.position(text.indexOf('c')), { line: 1, character: 0 });
    assert.deepEqual(index.position(text.indexOf('d')), { line: 2, character: 0 });
    assert.deepEqual(index.position(text.indexOf('e')), { line: 3, character: 0 });
    assert.equal(index.offset({ line: 3, character: 0 }), text.indexOf('e'));
    assert.equal(index.offset({ line: 0, character: 99 }), text.indexOf('\r'));
  });
});
