// The sidebar's content as data (client/src/threat-model-nodes.ts), from the demo app's real threat model: the
// six sections in order, the checklist with statuses and evidence, one leaf per call site, entry point, flow and
// tool, threats under each OWASP category they map to, and every leaf that names a place pointing at it.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { isEmptyModel, threatModelNodes, type ThreatModelNode } from '../src/threat-model-nodes';
import { promptward } from '../../server/test/helpers/cli';
import type { ThreatModel } from '../../server/src/core/threat-model/types';

const ROOT = path.resolve(__dirname, '../../..');

function modelOf(folder: string): ThreatModel {
  const run = promptward(['threat-model', folder, '--format', 'json', '--no-config']);
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as ThreatModel;
}

const all = (nodes: readonly ThreatModelNode[]): ThreatModelNode[] => nodes.flatMap((n) => [n, ...all(n.children ?? [])]);

test('the demo app\'s threat model as sidebar nodes', () => {
  const model = modelOf(path.join(ROOT, 'test-fixtures', 'demo-app'));
  const sections = threatModelNodes(model);
  assert.deepEqual(sections.map((s) => s.label), ['Checklist', 'Entry points', 'AI components', 'Data flows', 'Tools', 'Threats by OWASP category']);
  assert.ok(sections.every((s) => s.kind === 'section'));

  const [checklist, entries, components, flows, tools, threats] = sections as [ThreatModelNode, ThreatModelNode, ThreatModelNode, ThreatModelNode, ThreatModelNode, ThreatModelNode];
  assert.equal(checklist.children!.length, 6);
  assert.equal(checklist.description, `${model.checklist.filter((c) => c.status === 'met').length} of 6 met`);
  checklist.children!.forEach((item, i) => {
    const c = model.checklist[i]!;
    assert.equal(item.label, `${c.step}. ${c.title}`);
    assert.equal(item.description, { met: 'met', 'partly-met': 'partly met', 'not-met': 'not met', unknown: 'unknown' }[c.status]);
    assert.equal(item.children!.length, c.evidence.length);
    for (const [j, e] of c.evidence.entries()) assert.equal(item.children![j]!.location?.file, e.file);
  });

  assert.deepEqual(entries.children!.map((e) => e.label), model.entryPoints.map((e) => e.name));
  const post = entries.children!.find((e) => e.label === 'POST /api/help/ask')!;
  assert.equal(post.description, 'auth · rate limited');
  assert.deepEqual(components.children!.flatMap((c) => c.children!.map((s) => s.id)).sort(), model.components.flatMap((c) => c.callSites.map((s) => s.id)).sort());
  assert.equal(all(flows.children!).filter((n) => n.kind === 'flow').length, model.dataFlows.promptInputs.length + model.dataFlows.retrieval.length + model.dataFlows.outputs.length);
  assert.deepEqual(tools.children!.map((t) => t.label).sort(), model.tools.map((t) => t.name).sort());

  const categories = threats.children!;
  assert.deepEqual(categories.map((c) => c.children!.length), model.threats.filter((c) => c.count > 0).map((c) => c.count));
  const threatLeaves = all(categories).filter((n) => n.kind === 'threat');
  assert.equal(new Set(threatLeaves.map((n) => n.fingerprint)).size, model.summary.threats.total);
  for (const leaf of all(sections)) {
    if (leaf.kind === 'threat' || leaf.kind === 'entry-point' || leaf.kind === 'call-site' || leaf.kind === 'flow' || leaf.kind === 'tool') {
      assert.ok(leaf.location && leaf.location.line > 0 && leaf.location.file, `${leaf.kind} ${leaf.label} has a location`);
    }
  }
  // Ids are unique within the tree (VS Code keeps expansion state by id).
  const ids = all(sections).map((n) => n.id);
  assert.equal(new Set(ids).size, ids.length);
  assert.equal(isEmptyModel(model), false);
});

test('a workspace without LLM code is empty (the welcome text shows instead of a tree)', () => {
  const model = modelOf(path.join(ROOT, 'test-fixtures', 'config'));
  assert.equal(isEmptyModel(model), model.components.length === 0 && model.summary.threats.total === 0 && model.tools.length === 0);
  const empty: ThreatModel = { ...model, components: [], tools: [], entryPoints: [], threats: [], summary: { ...model.summary, threats: { ...model.summary.threats, total: 0, open: 0, suppressed: 0 } } };
  assert.equal(isEmptyModel(empty), true);
  const sections = threatModelNodes(empty);
  assert.equal(sections[1]!.children![0]!.label, 'no entry point reaches an LLM');
  assert.equal(sections[1]!.children![0]!.kind, 'note');
});
