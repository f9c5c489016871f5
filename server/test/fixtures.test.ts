// The exact set of findings per fixture file equals its `// expect:` annotations, for every rule.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { RULE_IDS } from '../src/core/types';
import { fixtureCases, runCase } from './helpers/fixtures';

const FIXTURES = path.resolve(__dirname, '../../../test-fixtures');

for (const rule of RULE_IDS) {
  test(`fixtures: ${rule}`, async (t) => {
    const folder = path.join(FIXTURES, rule);
    assert.ok(fs.existsSync(folder), `test-fixtures/${rule}/ exists`);
    let positive = 0;
    let negative = 0;
    let multiFile = 0;
    for (const c of fixtureCases(folder)) {
      await t.test(c.name, () => {
        const r = runCase(c);
        assert.deepEqual(r.problems, [], r.problems.join('\n'));
        const hits = r.findings.filter((f) => f.ruleId === rule).length;
        if (hits > 0) positive++;
        else negative++;
        if (c.files.length > 1 && hits > 0) multiFile++;
      });
    }
    assert.ok(positive >= 8, `at least 8 positive cases (has ${positive})`);
    assert.ok(negative >= 5, `at least 5 negative cases (has ${negative})`);
    assert.ok(multiFile >= 2, `several positive cases span two files (has ${multiFile})`);
  });
}

test('fixtures: demo-app', () => {
  const root = path.join(FIXTURES, 'demo-app');
  const [c] = fixtureCases(path.dirname(root)).filter((x) => x.name === 'demo-app');
  const r = runCase(c);
  assert.deepEqual(r.problems, [], r.problems.join('\n'));
  const rules = new Set(r.findings.map((f) => f.ruleId));
  for (const rule of RULE_IDS) assert.ok(rules.has(rule), `the demo app shows ${rule}`);
});
