// The editor's analysis session: analysing only the files connected to a change gives the same findings as
// analysing the whole folder; unsaved text wins; a change in one file updates findings in another; a file that
// breaks the analysis gets no findings while the rest still works.
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { collectFiles } from '../src/core/files';
import { analyseFiles } from '../src/core/scan';
import { AnalysisSession } from '../src/core/session';
import type { Finding } from '../src/core/types';
import { AUDIENCE_FROM_REQUEST, FIXTURES, HELPER_PROJECT, copyDemoApp, deepConcatenation, tempDir, writeFiles } from './helpers/projects';

const key = (f: Finding) => `${f.ruleId}@${path.basename(f.location.file)}:${f.location.startOffset}-${f.location.endOffset}:${f.fingerprint}`;

function byFile(findings: readonly Finding[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of findings) out.set(f.location.file, [...(out.get(f.location.file) ?? []), key(f)].sort());
  return out;
}

describe('analysis session', () => {
  const temps: string[] = [];
  after(() => {
    for (const t of temps) rmSync(t, { recursive: true, force: true });
  });

  for (const folder of ['demo-app', 'prompt-injection', 'missing-rate-limit', 'unauthenticated-llm-endpoint', 'excessive-agency', 'secret-in-prompt']) {
    it(`re-analysing the connected files of each file of ${folder} equals a whole-folder analysis`, () => {
      const root = path.join(FIXTURES, folder);
      const files = collectFiles([root], root).files;
      const whole = byFile(analyseFiles(root, files).findings);
      const session = new AnalysisSession(root, { wholeFolderMaxFiles: 0 });
      let largest = 0;
      for (const file of files) {
        const run = session.analyse([file]);
        largest = Math.max(largest, run.analysed.length);
        for (const f of run.analysed) assert.deepEqual(session.findingsFor(f).map(key).sort(), whole.get(f) ?? [], `${path.relative(root, f)} after a change to ${path.relative(root, file)}`);
      }
      assert.ok(largest < files.length || files.length < 20, `components are smaller than the folder (${largest} of ${files.length})`);
    });
  }

  it('opening the files one by one (each re-parsed from the editor\'s text) never changes any file\'s findings', () => {
    // Runs that re-parse some files and reuse others' parse trees: node ids must not leak from one run into the
    // next (they once collided, and a finding in one file vanished after a third file was opened).
    const root = path.join(FIXTURES, 'demo-app');
    const files = collectFiles([root], root).files;
    const whole = byFile(analyseFiles(root, files).findings);
    const session = new AnalysisSession(root);
    for (const file of files) {
      session.setDocument(file, readFileSync(file, 'utf8'));
      session.analyse([file]);
      for (const f of files) assert.deepEqual(session.findingsFor(f).map(key).sort(), whole.get(f) ?? [], `${path.relative(root, f)} after opening ${path.relative(root, file)}`);
    }
  });

  it('a whole-folder scan in batches of connected files equals one analysis of all files', () => {
    const root = FIXTURES;
    const files = collectFiles([root], root).files;
    const whole = byFile(analyseFiles(root, files).findings);
    const session = new AnalysisSession(root);
    const batches = session.staleComponents(60);
    assert.ok(batches.length > 1, 'several batches');
    for (const batch of batches) session.analyse([], batch);
    for (const f of files) assert.deepEqual(session.findingsFor(f).map(key).sort(), whole.get(f) ?? [], path.relative(root, f));
    assert.deepEqual(session.staleComponents(), [], 'nothing left to analyse');
  });

  it('unsaved text wins over the disk, and closing the document brings the disk back', () => {
    const root = copyDemoApp('session-overlay');
    temps.push(path.dirname(root));
    const llm = path.join(root, 'server/services/llm.ts');
    const session = new AnalysisSession(root);
    session.analyse([llm]);
    assert.ok(session.findingsFor(llm).some((f) => f.ruleId === 'missing-max-tokens'));
    const capped = readFileSync(llm, 'utf8').replace('stream: true,', 'stream: true,\n    max_completion_tokens: 800,');
    session.setDocument(llm, capped);
    const run = session.analyse([llm]);
    assert.ok(run.changed.includes(llm));
    assert.ok(!session.findingsFor(llm).some((f) => f.ruleId === 'missing-max-tokens'));
    session.setDocument(llm, undefined);
    session.analyse([llm]);
    assert.ok(session.findingsFor(llm).some((f) => f.ruleId === 'missing-max-tokens'));
  });

  it('a change in one file changes the findings of a file that does not import it', () => {
    // routes/chat.ts passes req.body.tone to services/prompts.ts and the result to services/llm.ts.
    const root = copyDemoApp('session-cross');
    temps.push(path.dirname(root));
    const prompts = path.join(root, 'server/services/prompts.ts');
    const llm = path.join(root, 'server/services/llm.ts');
    const session = new AnalysisSession(root, { wholeFolderMaxFiles: 0 });
    session.analyse([llm]);
    assert.ok(session.findingsFor(llm).some((f) => f.ruleId === 'prompt-injection'));
    session.setDocument(prompts, readFileSync(prompts, 'utf8').replace('`Use a ${tone} tone in every answer.`', '"Use a friendly tone in every answer."'));
    const run = session.analyse([prompts]);
    assert.ok(run.analysed.includes(llm), 'llm.ts is connected to prompts.ts through routes/chat.ts');
    assert.ok(run.changed.includes(llm));
    assert.ok(!session.findingsFor(llm).some((f) => f.ruleId === 'prompt-injection'));
  });

  it('a helper that starts returning request data makes its caller a prompt-injection finding', () => {
    const root = tempDir('session-helper');
    temps.push(root);
    writeFiles(root, HELPER_PROJECT);
    const summary = path.join(root, 'src/summary.ts');
    const audience = path.join(root, 'src/audience.ts');
    const session = new AnalysisSession(root);
    session.analyse([summary]);
    assert.ok(!session.findingsFor(summary).some((f) => f.ruleId === 'prompt-injection'));
    session.setDocument(audience, AUDIENCE_FROM_REQUEST);
    const run = session.analyse([audience]);
    assert.deepEqual(run.changed, [summary]);
    const found = session.findingsFor(summary).find((f) => f.ruleId === 'prompt-injection');
    assert.ok(found, 'prompt-injection in summary.ts');
    assert.ok(found.path.some((s) => s.location.file === audience), 'the path goes through audience.ts');
  });

  it('a file that makes the analysis fail gets no findings; the others keep being analysed', () => {
    const root = tempDir('session-throw');
    temps.push(root);
    writeFiles(root, { 'deep.ts': deepConcatenation(20_000), ...HELPER_PROJECT });
    const deep = path.join(root, 'deep.ts');
    const session = new AnalysisSession(root);
    const run = session.analyse([deep]);
    assert.deepEqual(run.failed.map((f) => f.file), [deep]);
    assert.match(run.failed[0].reason, /analysis failed/);
    assert.deepEqual(session.findingsFor(deep), []);
    assert.ok(session.findingsFor(path.join(root, 'src/summary.ts')).length > 0, 'the other files still have findings');
  });

  it('a document over the size limit is not analysed', () => {
    const root = tempDir('session-large');
    temps.push(root);
    writeFiles(root, HELPER_PROJECT);
    const summary = path.join(root, 'src/summary.ts');
    const session = new AnalysisSession(root, { maxFileBytes: 2000 });
    const text = readFileSync(summary, 'utf8');
    session.setDocument(summary, text + `\n// ${'x'.repeat(2000)}\n`);
    session.analyse([summary]);
    assert.ok(session.isTooLarge(summary));
    assert.deepEqual(session.findingsFor(summary), []);
    session.setDocument(summary, text);
    session.analyse([summary]);
    assert.ok(session.findingsFor(summary).length > 0);
  });

  it('files created and deleted on disk join and leave the import graph', () => {
    const root = tempDir('session-watch');
    temps.push(root);
    writeFiles(root, { ...HELPER_PROJECT, 'src/audience.ts': '' });
    rmSync(path.join(root, 'src/audience.ts'));
    const summary = path.join(root, 'src/summary.ts');
    const audience = path.join(root, 'src/audience.ts');
    const session = new AnalysisSession(root, { wholeFolderMaxFiles: 0 });
    session.analyse([summary]);
    assert.ok(!session.has(audience));
    writeFileSync(audience, AUDIENCE_FROM_REQUEST);
    session.fileChanged(audience, 'created');
    assert.ok(session.component([audience]).has(summary));
    session.analyse([audience]);
    assert.ok(session.findingsFor(summary).some((f) => f.ruleId === 'prompt-injection'));
    rmSync(audience);
    session.fileChanged(audience, 'deleted');
    assert.ok(!session.has(audience));
    session.analyse([summary]);
    assert.ok(!session.findingsFor(summary).some((f) => f.ruleId === 'prompt-injection'));
  });
});
