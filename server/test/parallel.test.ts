// A scan split over worker threads reports exactly what a one-thread scan reports.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'path';
import { scan } from '../src/core/parallel';

const FIXTURES = path.resolve(__dirname, '../../../test-fixtures');

test('parallel scan: same findings and inventory as one thread', async () => {
  const one = await scan([FIXTURES], { workers: 1 });
  const two = await scan([FIXTURES], { workers: 2, minParallelCandidates: 1 });
  const key = (r: typeof one) => r.findings.map((f) => `${f.ruleId} ${path.relative(FIXTURES, f.location.file)}:${f.location.start.line}:${f.location.start.column} ${f.fingerprint}`);
  assert.ok(one.findings.length > 100, 'the fixtures have findings');
  assert.deepEqual(key(two), key(one));
  assert.equal(two.inventory!.calls.length, one.inventory!.calls.length);
  assert.equal(two.inventory!.entryPoints.length, one.inventory!.entryPoints.length);
});
