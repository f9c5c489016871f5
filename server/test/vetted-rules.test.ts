// rules-vetted.json, written by the build beside the bundles: it covers every YAML file of rules/, holds exactly
// what the run-time loader produces for it, and a file whose text differs is not served from it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { schemaFor, vetRules } from '../src/core/knowledge/vet-rules';
import { vettedKey, type VettedFile } from '../src/core/knowledge/vetted';
import { parseYamlWithSchema } from '../src/core/knowledge/yaml-file';
import { REPO_ROOT } from './helpers/projects';

const RULES = path.join(REPO_ROOT, 'rules');
const built = JSON.parse(readFileSync(path.join(REPO_ROOT, 'dist', 'rules-vetted.json'), 'utf8')) as VettedFile;

test('every YAML file of rules/ is vetted, and the built file holds what the loader makes of it', () => {
  const { vetted, problems } = vetRules(RULES);
  assert.deepEqual(problems, []);
  const keys = Object.keys(vetted.entries);
  assert.ok(keys.length >= 28, `${keys.length} files`);
  assert.deepEqual(Object.keys(built.entries).sort(), keys.sort(), 'dist/rules-vetted.json is up to date (npm run build)');
  for (const rel of ['security.yaml', 'sdks/openai.yaml', 'prompt-injection.yaml', 'threat-model/evidence.yaml']) {
    const file = path.join(RULES, rel);
    const schemaFile = path.join(RULES, 'schema', schemaFor(rel)!);
    const text = readFileSync(file, 'utf8');
    const json = built.entries[vettedKey(text, readFileSync(schemaFile, 'utf8'))];
    assert.ok(json, `${rel} is in the built file`);
    assert.deepEqual(JSON.parse(json), parseYamlWithSchema(file, text, schemaFile), rel);
  }
});

test('an edited file or another schema does not match a vetted entry', () => {
  const file = path.join(RULES, 'security.yaml');
  const schema = readFileSync(path.join(RULES, 'schema', 'security.schema.json'), 'utf8');
  const text = readFileSync(file, 'utf8');
  assert.ok(built.entries[vettedKey(text, schema)]);
  assert.equal(built.entries[vettedKey(`${text}\n# edited\n`, schema)], undefined);
  assert.equal(built.entries[vettedKey(text, readFileSync(path.join(RULES, 'schema', 'sdk.schema.json'), 'utf8'))], undefined);
});
