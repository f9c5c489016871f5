// Every rule has its four homes (YAML, doc, fixtures, id), its doc has the standard headings, and the
// doc's incorrect examples are flagged by the rule while its correct examples are not.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { RULE_IDS } from '../src/core/types';
import { loadRuleMetas, findRulesDir } from '../src/core/rules';
import { analyseFiles } from '../src/core/scan';
import { readDoc, REQUIRED_HEADINGS } from './helpers/docs';

const ROOT = path.resolve(__dirname, '../../..');

test('rule registry: every rule has its YAML, doc and fixtures', () => {
  const rulesDir = findRulesDir();
  const metas = loadRuleMetas();
  assert.equal(metas.length, RULE_IDS.length);
  for (const id of RULE_IDS) {
    assert.ok(fs.existsSync(path.join(rulesDir, `${id}.yaml`)), `rules/${id}.yaml`);
    assert.ok(fs.existsSync(path.join(rulesDir, 'docs', `${id}.md`)), `rules/docs/${id}.md`);
    assert.ok(fs.existsSync(path.join(ROOT, 'test-fixtures', id)), `test-fixtures/${id}/`);
    const meta = metas.find((m) => m.id === id)!;
    assert.ok(meta.owasp2025.length > 0 && meta.owasp2026.length > 0 && meta.cwe.length > 0, `${id} has OWASP 2025/2026 and CWE ids`);
    assert.equal(meta.helpUri.endsWith(`/rules/docs/${id}.md`), true);
  }
  const yamlIds = fs.readdirSync(rulesDir).filter((f) => f.endsWith('.yaml') && f !== 'security.yaml').map((f) => f.slice(0, -5)).sort();
  assert.deepEqual(yamlIds, [...RULE_IDS].sort(), 'no rule YAML without a registered id');
});

for (const id of RULE_IDS) {
  test(`rule doc: ${id}`, async (t) => {
    const doc = readDoc(path.join(findRulesDir(), 'docs', `${id}.md`));
    const present = REQUIRED_HEADINGS.filter((h) => doc.headings.some((x) => x === h || x.startsWith(h)));
    assert.deepEqual(present, REQUIRED_HEADINGS, 'the doc has every standard heading');
    const order = REQUIRED_HEADINGS.map((h) => doc.headings.findIndex((x) => x === h || x.startsWith(h)));
    assert.deepEqual(order, [...order].sort((a, b) => a - b), 'headings are in the standard order');
    const incorrect = doc.examples.filter((e) => e.kind === 'incorrect');
    const correct = doc.examples.filter((e) => e.kind === 'correct');
    assert.ok(incorrect.length >= 1 && correct.length >= 1, 'the doc has incorrect and correct examples');
    for (const ex of doc.examples) {
      await t.test(`${ex.kind} example at line ${ex.line}`, () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), `pw-doc-${id}-`));
        const file = path.join(dir, `example.${ex.lang === 'tsx' || ex.lang === 'jsx' ? ex.lang : ex.lang === 'js' ? 'js' : 'ts'}`);
        fs.writeFileSync(file, ex.code);
        try {
          const hits = analyseFiles(dir, [file]).findings.filter((f) => f.ruleId === id);
          if (ex.kind === 'incorrect') assert.ok(hits.length > 0, `expected ${id} in:\n${ex.code}`);
          else assert.deepEqual(hits.map((h) => `${h.location.start.line}: ${h.message}`), [], `expected no ${id} in:\n${ex.code}`);
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      });
    }
  });
}
