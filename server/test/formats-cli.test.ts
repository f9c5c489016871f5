// Every report format, from the real CLI bundle on fixture folders: text, json, sarif, github.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { brief, json, promptward, ROOT } from './helpers/cli';
import { sarifSchemaErrors } from './helpers/sarif-schema';
import type { SarifLog } from '../src/cli/sarif-types';
import { RULE_IDS } from '../src/core/types';

const SUPPRESSIONS = 'test-fixtures/config/suppressions';
const DEMO = 'test-fixtures/demo-app';

describe('suppression comments, end to end', () => {
  it('json keeps suppressed findings, marked with their reason, and reports the bad comments', () => {
    const run = promptward(['scan', SUPPRESSIONS, '--format', 'json']);
    assert.equal(run.status, 0, 'only warnings remain: the keys (errors) are suppressed');
    const report = json(run);
    assert.deepEqual(brief(report), [
      'src/chat.ts:9 missing-max-tokens (suppressed)',
      'src/chat.ts:10 invalid-ignore',
      'src/chat.ts:11 missing-max-tokens',
      'src/chat.ts:12 invalid-ignore',
      'src/chat.ts:13 missing-max-tokens',
      'src/chat.ts:17 missing-max-tokens',
      'src/keys.ts:2 hardcoded-llm-key (suppressed)',
      'src/keys.ts:4 hardcoded-llm-key (suppressed)',
    ]);
    assert.deepEqual(report.findings[0]!.suppressed, { kind: 'inSource', justification: 'the gateway caps output at 512 tokens' });
    assert.deepEqual(report.findings[6]!.suppressed, { kind: 'inSource', justification: 'keys of the local mock server, never valid upstream' });
    assert.match(report.findings[1]!.message, /needs a reason/);
    assert.match(report.findings[3]!.message, /unknown rule id "missing-max-tokns"/);
    assert.equal(report.stats.suppressed, 3);
    assert.equal(report.stats.findings, 5);
  });

  it('--report-unused-ignores reports a comment that suppresses nothing', () => {
    const report = json(promptward(['scan', SUPPRESSIONS, '--format', 'json', '--report-unused-ignores']));
    const unused = report.findings.filter((f) => f.ruleId === 'unused-ignore');
    assert.deepEqual(unused.map((f) => `${f.location.path}:${f.location.startLine}`), ['src/chat.ts:14']);
    assert.match(unused[0]!.message, /suppresses nothing: there is no prompt-injection finding on line 15/);
  });

  it('text hides suppressed findings and counts them', () => {
    const run = promptward(['scan', SUPPRESSIONS]);
    assert.equal(run.status, 0);
    assert.doesNotMatch(run.stdout, /keys\.ts|chat\.ts:9:/);
    assert.match(run.stdout, /^test-fixtures\/config\/suppressions\/src\/chat\.ts:10:3 warning invalid-ignore This promptward-ignore-next-line comment needs a reason/m);
    assert.match(run.stdout, /\n5 findings \(5 warnings\) in 2 files, 3 suppressed\n$/);
  });

  it('sarif marks suppressed results with an inSource suppression and its justification', () => {
    const log = JSON.parse(promptward(['scan', SUPPRESSIONS, '--format', 'sarif']).stdout) as SarifLog;
    assert.deepEqual(sarifSchemaErrors(log), []);
    const run = log.runs[0]!;
    const suppressed = run.results.filter((r) => r.suppressions);
    assert.deepEqual(suppressed.map((r) => [r.ruleId, r.suppressions]), [
      ['missing-max-tokens', [{ kind: 'inSource', justification: 'the gateway caps output at 512 tokens' }]],
      ['hardcoded-llm-key', [{ kind: 'inSource', justification: 'keys of the local mock server, never valid upstream' }]],
      ['hardcoded-llm-key', [{ kind: 'inSource', justification: 'keys of the local mock server, never valid upstream' }]],
    ]);
    const meta = run.tool.driver.rules.find((r) => r.id === 'invalid-ignore')!;
    assert.deepEqual(meta.properties.tags, ['maintainability']);
    assert.equal(meta.properties['security-severity'], undefined);
    assert.match(meta.helpUri, /docs\/configuration\.md#suppressions$/);
    const invalid = run.results.find((r) => r.ruleId === 'invalid-ignore')!;
    assert.equal(run.tool.driver.rules[invalid.ruleIndex!]!.id, 'invalid-ignore');
  });
});

describe('formats on the demo app', () => {
  it('sarif is valid SARIF 2.1.0 with everything code scanning reads', () => {
    const run = promptward(['scan', DEMO, '--format', 'sarif']);
    assert.equal(run.status, 1);
    const log = JSON.parse(run.stdout) as SarifLog;
    assert.deepEqual(sarifSchemaErrors(log), []);
    const sarif = log.runs[0]!;
    const driver = sarif.tool.driver;
    assert.match(driver.informationUri, /^https:\/\//);
    assert.deepEqual(driver.rules.map((r) => r.id), [...RULE_IDS, 'invalid-ignore', 'unused-ignore']);
    for (const rule of driver.rules.slice(0, RULE_IDS.length)) {
      assert.ok(rule.shortDescription.text && rule.fullDescription.text, rule.id);
      assert.match(rule.help.text, /Documentation: https:\/\//);
      assert.match(rule.help.markdown, new RegExp(`^# ${rule.id}: `), 'markdown help is the rule doc');
      assert.match(rule.helpUri, new RegExp(`/rules/docs/${rule.id}\\.md$`));
      assert.ok(rule.properties.tags.includes('security'));
      assert.ok(rule.properties.tags.some((t) => /^LLM\d\d:2025$/.test(t)) && rule.properties.tags.some((t) => /^LLM\d\d:2026$/.test(t)), `${rule.id} has OWASP ids`);
      assert.ok(rule.properties.tags.some((t) => /^external\/cwe\/cwe-\d+$/.test(t)), `${rule.id} has a CWE tag`);
      assert.match(rule.properties['security-severity'] ?? '', /^\d+\.\d$/);
      assert.match(rule.properties.precision, /^(very-high|high|medium|low)$/);
    }
    assert.deepEqual(Object.keys(sarif.originalUriBaseIds), ['%SRCROOT%']);
    assert.equal(sarif.originalUriBaseIds['%SRCROOT%']!.uri, `${pathToFileURL(path.join(ROOT, DEMO)).href}/`);
    const [invocation] = sarif.invocations;
    assert.equal(invocation?.executionSuccessful, true);
    assert.ok(Date.parse(invocation!.endTimeUtc) >= Date.parse(invocation!.startTimeUtc));
    assert.ok(sarif.results.length > 10);
    for (const result of sarif.results) {
      assert.match(result.partialFingerprints['promptward/v1'] ?? '', /^[0-9a-f]{32}$/);
      assert.equal(result.locations[0]!.physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
      assert.ok(result.locations[0]!.physicalLocation.region);
    }
    const flows = sarif.results.filter((r) => r.codeFlows);
    assert.ok(flows.length > 0);
    for (const flow of flows) {
      const steps = flow.codeFlows![0]!.threadFlows[0]!.locations;
      assert.equal(steps.length, flow.relatedLocations?.length);
      assert.match(steps[0]!.location.message?.text ?? '', /^source: /);
      assert.match(steps.at(-1)!.location.message?.text ?? '', /^sink: /);
    }
  });

  it('json has the documented, versioned shape', () => {
    const run = promptward(['scan', DEMO, '--format', 'json']);
    assert.equal(run.status, 1);
    const report = json(run);
    const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.deepEqual(Object.keys(report), ['version', 'tool', 'root', 'rules', 'findings', 'skipped', 'stats']);
    assert.equal(report.version, 1);
    assert.deepEqual(report.tool, { name: 'Promptward', version, informationUri: 'https://github.com/promptward/promptward' });
    assert.equal(report.root, path.join(ROOT, DEMO));
    assert.deepEqual(report.rules.map((r) => r.id), [...RULE_IDS, 'invalid-ignore', 'unused-ignore']);
    assert.deepEqual(Object.keys(report.rules[0]!), ['id', 'name', 'shortDescription', 'severity', 'defaultSeverity', 'confidence', 'securitySeverity', 'owasp2025', 'owasp2026', 'cwe', 'helpUri']);
    const flow = report.findings.find((f) => f.path.length > 0)!;
    assert.deepEqual(Object.keys(flow), ['ruleId', 'severity', 'confidence', 'message', 'location', 'path', 'fingerprint']);
    assert.deepEqual(Object.keys(flow.location), ['path', 'startLine', 'startColumn', 'endLine', 'endColumn']);
    assert.deepEqual(Object.keys(flow.path[0]!), ['kind', 'label', 'location']);
    for (const f of report.findings) assert.doesNotMatch(f.location.path, /^(\/|[A-Za-z]:)/, 'paths are relative to the root');
    assert.deepEqual(Object.keys(report.stats), ['filesScanned', 'filesAnalysed', 'filesSkipped', 'durationMs', 'findings', 'bySeverity', 'suppressed', 'baselined']);
    assert.equal(report.stats.findings, report.findings.length);
    assert.equal(report.stats.bySeverity.error + report.stats.bySeverity.warning + report.stats.bySeverity.info, report.findings.length);
  });

  it('docs/json-format.md documents every key of the JSON report', () => {
    const doc = readFileSync(path.join(ROOT, 'docs', 'json-format.md'), 'utf8');
    const report = json(promptward(['scan', SUPPRESSIONS, '--format', 'json']));
    const keys = new Set<string>();
    const collect = (value: unknown) => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) keys.add(k), collect(v);
    };
    collect(report);
    for (const key of keys) assert.match(doc, new RegExp(`\`${key}\``), `docs/json-format.md mentions \`${key}\``);
  });

  it('github prints one workflow annotation per finding', () => {
    const run = promptward(['scan', DEMO, '--format', 'github']);
    assert.equal(run.status, 1);
    const lines = run.stdout.trimEnd().split('\n');
    const annotations = lines.slice(0, -1);
    assert.equal(annotations.length, json(promptward(['scan', DEMO, '--format', 'json'])).findings.length);
    for (const line of annotations) {
      assert.match(line, /^::(error|warning|notice) file=test-fixtures\/demo-app\/[^,]+,line=\d+,endLine=\d+(,col=\d+,endColumn=\d+)?,title=Promptward [a-z-]+::\S/);
      assert.doesNotMatch(line.slice(2), /\n/);
    }
    assert.ok(annotations.some((l) => l.startsWith('::error ')) && annotations.some((l) => l.startsWith('::warning ')));
    // A flow's path is part of the message, on escaped new lines.
    assert.ok(annotations.some((l) => /%0Asource: test-fixtures\/demo-app\/\S+:\d+:\d+ /.test(l)));
    assert.match(lines.at(-1)!, /^\d+ findings \(/);
  });

  it('text is the default', () => {
    const run = promptward(['scan', DEMO, '--format', 'text']);
    assert.equal(run.stdout, promptward(['scan', DEMO]).stdout);
  });
});
