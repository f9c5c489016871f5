// Loading and locating config files: every mistake is `file:line:col: message`; the schema knows every rule.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { ConfigError, findConfigFile, resolveConfig } from '../src/config/locate';
import { configSchemaFile, parseConfig } from '../src/config/load';
import { excludedBy } from '../src/config/files';
import { mergeKnowledge } from '../src/config/knowledge';
import { applyRuleLevels } from '../src/config/severities';
import { META_RULE_IDS } from '../src/config/meta-rules';
import { YamlFileError } from '../src/core/knowledge/yaml-file';
import { loadKnowledge } from '../src/core/knowledge/models';
import { RULE_IDS, type Finding } from '../src/core/types';
import { removeTemps, tempRepo } from './helpers/cli';

const FILE = '/repo/.promptward.yaml';

function failure(text: string, file = FILE, inPackageJson = false): string {
  try {
    parseConfig(file, text, inPackageJson);
  } catch (err) {
    assert.ok(err instanceof YamlFileError, `a YamlFileError, not ${String(err)}`);
    return err.message;
  }
  return assert.fail('the config was accepted');
}

describe('config file loading', () => {
  after(removeTemps);

  it('reads every key', () => {
    const config = parseConfig(
      FILE,
      [
        '$schema: https://promptward.dev/schema/config.schema.json',
        'rules: { prompt-injection: warning, missing-max-tokens: off, unused-ignore: error }',
        'include: [src/]',
        'exclude: ["**/*.test.ts"]',
        'sources: [{ kind: untrusted, module: ["@acme/http"], function: [readBody], label: request body }]',
        'sinks: [{ kind: shell, method: [runTask], receiver-names: [jobs], arg: last }]',
        'sanitizers: [{ for: [html, sql], function: [clean] }]',
        'guards: { auth: { functions: [requireStaff] }, rate-limit: { modules: ["@acme/limits"] } }',
      ].join('\n'),
    );
    assert.equal(config.file, FILE);
    assert.equal(config.baseDir, '/repo');
    assert.deepEqual([...config.rules], [['prompt-injection', 'warning'], ['missing-max-tokens', 'off'], ['unused-ignore', 'error']]);
    assert.deepEqual(config.include.map((g) => g.source), ['src/']);
    assert.deepEqual(config.exclude.map((g) => g.source), ['**/*.test.ts']);
    assert.equal(config.data.sinks?.[0]?.arg, 'last');
  });

  it('takes an empty file as the defaults', () => {
    const config = parseConfig(FILE, '# nothing configured yet\n');
    assert.equal(config.rules.size, 0);
    assert.deepEqual(config.data, {});
  });

  const bad: [string, string, RegExp][] = [
    ['malformed YAML', 'rules:\n  prompt-injection: error\ninclude: [src/**\n', /^\/repo\/\.promptward\.yaml:4:1: malformed YAML: /],
    ['a duplicate key', 'include: [a]\ninclude: [b]\n', /:2:1: malformed YAML: Map keys must be unique/],
    ['an unknown key', 'rules: {}\nexlude: [a]\n', /:2:1: unknown key "exlude" \(expected one of: rules, include/],
    ['an unknown nested key', 'guards:\n  auth:\n    function: [x]\n', /:3:5: unknown key "function" in guards\.auth/],
    ['a wrong type', 'include: src/**\n', /:1:10: include must be a list; got the string "src\/\*\*"/],
    ['a wrong item type', 'exclude:\n  - 42\n', /:2:5: exclude\[0\] must be a string; got number 42/],
    ['an unknown rule id', 'rules:\n  missing-max-tokens: info\n  prompt-injektion: off\n', /:3:3: unknown rule id "prompt-injektion" in rules \(known: prompt-injection, /],
    ['a bad level', 'rules:\n  missing-rate-limit: warn\n', /:2:23: rules\.missing-rate-limit must be one of "off", "info", "warning", "error"; got the string "warn"/],
    ['a bad glob (plain)', 'exclude:\n  - src/[abc/*.ts\n', /:2:9: bad glob "src\/\[abc\/\*\.ts" in exclude: unclosed '\['/],
    ['a bad glob (quoted)', 'include: ["ok/**", "../up/**"]\n', /:1:21: bad glob "\.\.\/up\/\*\*" in include: '\.\.' segments are not allowed/],
    ['a YAML tag', 'sanitizers:\n  - { for: [html], function: !!js/function "f() {}" }\n', /:2:30: YAML tags are not supported/],
    ['a sink kind', 'sinks:\n  - { kind: eval, global: [x] }\n', /:2:13: sinks\[0\]\.kind must be one of "code", "shell"/],
    ['a bad arg', 'sinks:\n  - { kind: code, global: [x], arg: first }\n', /:2:37: sinks\[0\]\.arg has an invalid value the string "first" \(Which argument is the sink/],
    ['a sink that matches nothing', 'sinks:\n  - { kind: code }\n', /:2:5: sinks\[0\] matches nothing/],
    ['a sink function without module', 'sinks:\n  - kind: shell\n    function: [runTask]\n', /:2:5: sinks\[0\] names a function but no module/],
    ['a source that matches nothing', 'sources:\n  - { kind: pii, label: x }\n', /:2:5: sources\[0\] matches nothing/],
    ['a sanitizer without function', 'sanitizers:\n  - { for: [html] }\n', /:2:5: sanitizers\[0\] needs the key "function"/],
    ['a list at the top', '- rules\n', /:1:1: the top level must be a mapping \(key: value\); got a list/],
    ['an alias bomb', `a: &a ["x","x","x","x","x","x","x","x","x"]\n${Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`).join('\n')}\n`, /:1:1: malformed YAML: .*alias/i],
  ];
  for (const [what, text, message] of bad) {
    it(`reports ${what} with file:line:col`, () => {
      assert.match(failure(text), message);
    });
  }

  it('reads the "promptward" key of package.json, and locates its mistakes in package.json', () => {
    const pkg = '{\n\t"name": "x",\n\t"promptward": {\n\t\t"rules": { "missing-max-tokens": "off" },\n\t\t"excludes": ["dist/**"]\n\t}\n}\n';
    assert.match(failure(pkg, '/repo/package.json', true), /^\/repo\/package\.json:5:3: unknown key "excludes" in "promptward"/);
    const good = parseConfig('/repo/package.json', '{ "name": "x", "promptward": { "rules": { "missing-max-tokens": "off" } } }', true);
    assert.equal(good.rules.get('missing-max-tokens'), 'off');
    assert.match(failure('{ "name": "x", "promptward": { "rules": [] }', '/repo/package.json', true), /^\/repo\/package\.json:1:\d+: malformed JSON: /);
    assert.match(failure('{ "promptward": { "rules": { "x": "off" } } }', '/repo/package.json', true), /:1:30: unknown rule id "x" in rules/);
  });

  it('every example in docs/configuration.md is a valid config', () => {
    const doc = readFileSync(path.join(__dirname, '../../../docs/configuration.md'), 'utf8');
    const blocks = [...doc.matchAll(/```(yaml|json)\n([\s\S]*?)```/g)];
    assert.ok(blocks.filter((b) => b[1] === 'yaml').length >= 5);
    for (const [, lang, text] of blocks) {
      if (lang === 'yaml') parseConfig('/repo/.promptward.yaml', text!);
      else parseConfig('/repo/package.json', text!, true);
    }
  });

  it('the schema lists exactly the rules there are (rules/schema/config.schema.json is kept in step)', () => {
    const schema = JSON.parse(readFileSync(configSchemaFile(), 'utf8')) as { properties: { rules: { properties: Record<string, unknown> } } };
    assert.deepEqual(Object.keys(schema.properties.rules.properties).sort(), [...RULE_IDS, ...META_RULE_IDS].sort());
  });
});

describe('locating the config', () => {
  after(removeTemps);

  it('walks up from the scanned folder and stops at the repository root', () => {
    const outer = tempRepo(); // a repository whose parent holds a config that must not be used
    writeFileSync(path.join(outer, '.promptward.yaml'), 'rules: { missing-max-tokens: off }\n');
    const repo = path.join(outer, 'repo');
    mkdirSync(path.join(repo, '.git'), { recursive: true });
    mkdirSync(path.join(repo, 'packages', 'app', 'src'), { recursive: true });
    assert.equal(findConfigFile(path.join(repo, 'packages', 'app', 'src')), undefined);

    writeFileSync(path.join(repo, '.promptward.yml'), 'rules: { missing-rate-limit: off }\n');
    assert.deepEqual(findConfigFile(path.join(repo, 'packages', 'app', 'src')), { file: path.join(repo, '.promptward.yml'), inPackageJson: false });

    writeFileSync(path.join(repo, 'packages', 'app', 'package.json'), JSON.stringify({ name: 'app', promptward: { rules: { 'hardcoded-llm-key': 'warning' } } }));
    assert.deepEqual(findConfigFile(path.join(repo, 'packages', 'app', 'src')), { file: path.join(repo, 'packages', 'app', 'package.json'), inPackageJson: true });
    // A package.json without the key is not a config.
    writeFileSync(path.join(repo, 'packages', 'package.json'), JSON.stringify({ name: 'packages', description: 'about promptward' }));
    assert.equal(findConfigFile(path.join(repo, 'packages'))?.file, path.join(repo, '.promptward.yml'));
  });

  it('refuses two configs in one folder, and scanned paths with different configs', () => {
    const repo = tempRepo();
    mkdirSync(path.join(repo, 'a'));
    mkdirSync(path.join(repo, 'b'));
    writeFileSync(path.join(repo, 'a', '.promptward.yaml'), '{}\n');
    writeFileSync(path.join(repo, 'a', '.promptward.yml'), '{}\n');
    assert.throws(() => findConfigFile(path.join(repo, 'a')), (err: unknown) => err instanceof YamlFileError && /more than one Promptward config in this folder/.test(err.message));
    writeFileSync(path.join(repo, 'b', '.promptward.yaml'), '{}\n');
    writeFileSync(path.join(repo, '.promptward.yaml'), '{}\n');
    assert.throws(() => resolveConfig(['b', '.'], repo), (err: unknown) => err instanceof ConfigError && /different config files/.test(err.message));
    assert.equal(resolveConfig(['b'], repo).file, path.join(repo, 'b', '.promptward.yaml'));
    assert.equal(resolveConfig(['b'], repo, { explicit: '.promptward.yaml' }).file, path.join(repo, '.promptward.yaml'));
    assert.equal(resolveConfig(['b'], repo, { explicit: false }).file, undefined);
    assert.throws(() => resolveConfig(['b'], repo, { explicit: 'nope.yaml' }), /cannot read config nope\.yaml: no such file/);
  });
});

describe('applying a config', () => {
  it('filters files by include and exclude, relative to the config folder', () => {
    const config = parseConfig('/repo/.promptward.yaml', 'include: [src/, scripts/deploy.ts]\nexclude: ["*.test.ts", src/legacy/**]\n');
    const excluded = excludedBy(config)!;
    const out = ['/repo/src/a.ts', '/repo/src/a.test.ts', '/repo/src/legacy/x.ts', '/repo/scripts/deploy.ts', '/repo/scripts/seed.ts', '/elsewhere/src/a.ts']
      .filter((f) => !excluded(f));
    assert.deepEqual(out, ['/repo/src/a.ts', '/repo/scripts/deploy.ts']);
    assert.equal(excludedBy(parseConfig(FILE, 'rules: {}\n')), undefined, 'no globs, no filter');
  });

  it('adds sources, sinks, sanitizers and guards in front of the built-in ones, without changing them', () => {
    const base = loadKnowledge();
    const before = JSON.stringify({ ...base, sdks: undefined, guards: undefined });
    const config = parseConfig(FILE, [
      'sources: [{ kind: retrieved, module: ["@acme/kb"], function: [search] }]',
      'sinks: [{ kind: html, module: ["@acme/tpl"], function: [render] }]',
      'sanitizers: [{ for: [html], function: [scrub] }]',
      'guards: { auth: { functions: [requireStaff] }, rate-limit: { modules: ["@acme/limits"] } }',
    ].join('\n'));
    const merged = mergeKnowledge(base, config.data);
    assert.equal(merged.sources.length, base.sources.length + 1);
    assert.deepEqual(merged.sources[0], { kind: 'retrieved', module: ['@acme/kb'], function: ['search'], method: undefined, receiverNames: undefined, label: undefined });
    assert.equal(merged.sinks[0]?.function?.[0], 'render');
    assert.deepEqual(merged.sanitizers[0], { for: ['html'], function: ['scrub'] });
    assert.equal(merged.guards.auth.functions[0], 'requireStaff');
    assert.ok(merged.guards.auth.functions.length > 1);
    assert.equal(merged.guards.rateLimit.modules[0], '@acme/limits');
    assert.equal(JSON.stringify({ ...base, sdks: undefined, guards: undefined }), before, 'the cached base is unchanged');
    assert.equal(mergeKnowledge(base, {}), base);
  });

  it('turns rules off and changes severities', () => {
    const finding = (ruleId: Finding['ruleId'], severity: Finding['severity']) => ({ ruleId, severity }) as Finding;
    const out = applyRuleLevels([finding('prompt-injection', 'error'), finding('missing-max-tokens', 'warning'), finding('hardcoded-llm-key', 'error')], new Map([['missing-max-tokens', 'off'], ['hardcoded-llm-key', 'info']] as const));
    assert.deepEqual(out.map((f) => `${f.ruleId} ${f.severity}`), ['prompt-injection error', 'hardcoded-llm-key info']);
  });
});
