// Bounded work: a file over its own time budget stops only its own analysis (listed with the reason), the next
// file starts with a fresh budget, and the run as a whole has a budget too.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { collectFiles } from '../src/core/files';
import { analyseFiles } from '../src/core/scan';
import { FIXTURES } from './helpers/projects';

const DEMO = path.join(FIXTURES, 'demo-app');
const files = collectFiles([DEMO], DEMO).files;
const perFileNotes = (skipped: { file: string; reason: string }[]) => skipped.filter((s) => /per-file time budget/.test(s.reason));
const runNote = (skipped: { file: string; reason: string }[]) => skipped.some((s) => s.file === DEMO && /^analysis time budget exceeded/.test(s.reason));

test('within the default budgets the demo app is analysed whole: no budget notes', () => {
  const out = analyseFiles(DEMO, files);
  assert.deepEqual(perFileNotes(out.skipped), []);
  assert.equal(runNote(out.skipped), false);
  assert.equal(out.findings.length, 18);
});

test('a file over its own budget is cut short and listed; the next file gets a fresh budget', () => {
  const out = analyseFiles(DEMO, files, { fileBudgetMs: -1 }); // every file is over its budget at its first call
  const notes = perFileNotes(out.skipped);
  const cut = new Set(notes.map((n) => path.relative(DEMO, n.file)));
  assert.ok(cut.size >= 3, `several files were each cut on their own budget: ${[...cut].join(', ')}`);
  assert.ok(cut.has('server/routes/tickets.ts') && cut.has('server/services/llm.ts'), [...cut].join(', '));
  assert.match(notes[0]!.reason, /^analysis of (this file|the HTTP routes) stopped after -1 ms \(per-file time budget\); results may be incomplete$/);
  assert.equal(runNote(out.skipped), false, 'the run itself was within its budget');
});

test('over the run\'s budget, nothing more is followed and the run says so', () => {
  const out = analyseFiles(DEMO, files, { perFileBudgetMs: -1_000 }); // the run's deadline is already past
  assert.equal(runNote(out.skipped), true);
});
