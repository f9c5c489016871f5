// The text and SARIF formatters, on hand-built scan results.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { Finding, Location, RuleMeta, ScanResult } from '../src/core/types';
import { FINGERPRINT_KEY, toSarif } from '../src/cli/format-sarif';
import { formatText } from '../src/cli/format-text';
import { toJsonReport } from '../src/cli/format-json';
import { escapeData, escapeProperty, formatGithub } from '../src/cli/format-github';
import { summaryLine } from '../src/cli/summary';
import { sarifSchemaErrors } from './helpers/sarif-schema';

const root = path.resolve('/work/project');

function at(file: string, line: number, column: number, length = 5): Location {
  return {
    file: path.join(root, file),
    start: { line, column },
    end: { line, column: column + length },
    startOffset: 0,
    endOffset: length,
  };
}

function rule(id: RuleMeta['id'], severity: RuleMeta['severity'], cwe: string[]): RuleMeta {
  return {
    id,
    name: id.replace(/-/g, ' '),
    shortDescription: `Short description of ${id}.`,
    severity,
    confidence: 'high',
    owasp2025: ['LLM01:2025'],
    owasp2026: ['LLM01:2026'],
    cwe,
    atlas: ['AML.T0051'],
    likelihood: 'high',
    impact: 'high',
    securitySeverity: 8,
    message: 'Untrusted {source} reaches {sink}.',
    references: [],
    helpUri: `https://example.com/docs/${id}.md`,
  };
}

const rules = [
  rule('prompt-injection', 'error', ['CWE-1427']),
  rule('hardcoded-llm-key', 'warning', ['CWE-798']),
  rule('missing-max-tokens', 'info', ['CWE-770']),
];

const injection: Finding = {
  ruleId: 'prompt-injection',
  severity: 'error',
  confidence: 'high',
  message: 'Untrusted req.body reaches the system message.',
  location: at('src/routes/chat.ts', 12, 9),
  path: [
    { kind: 'source', location: at('src/routes/chat.ts', 10, 20), label: 'req.body (HTTP request body)' },
    { kind: 'step', location: at('src/lib/prompt builder.ts', 4, 3), label: 'tone (parameter of buildPrompt)' },
    { kind: 'sink', location: at('src/routes/chat.ts', 12, 9), label: 'the system message' },
  ],
  fixes: [],
  fingerprint: 'abc123',
};

const key: Finding = {
  ruleId: 'hardcoded-llm-key',
  severity: 'warning',
  confidence: 'medium',
  message: 'An API key is written in the source.',
  location: at('src/clients.ts', 3, 14, 30),
  path: [],
  fixes: [],
  fingerprint: 'def456',
};

const outside: Finding = {
  ...key,
  ruleId: 'missing-max-tokens',
  severity: 'info',
  message: 'This call sets no output-token cap.',
  location: { ...at('x.ts', 7, 1), file: path.resolve('/elsewhere/lib/x.ts') },
  fingerprint: 'ghi789',
};

const result: ScanResult = {
  root,
  findings: [injection, key, outside],
  skipped: [{ file: path.join(root, 'vendor/big.min.js'), reason: 'minified' }],
  stats: { filesScanned: 12, filesAnalysed: 3, filesSkipped: 1, durationMs: 42 },
};

const empty: ScanResult = {
  root,
  findings: [],
  skipped: [],
  stats: { filesScanned: 1, filesAnalysed: 0, filesSkipped: 0, durationMs: 1 },
};

const times = { startTime: new Date('2026-11-26T10:00:00Z'), endTime: new Date('2026-11-26T10:00:02Z') };
const docs = new Map([['prompt-injection', '# prompt-injection\n\nReports untrusted text\nthat reaches instructions.\n\n## Examples\n']]);
const sarif = () => toSarif(result, { rules, docs, ...times });

describe('text report', () => {
  it('prints one line per finding, its path indented, then a summary', () => {
    assert.equal(
      formatText(result, { cwd: root, color: false }),
      [
        'src/routes/chat.ts:12:9 error prompt-injection Untrusted req.body reaches the system message.',
        '    source  src/routes/chat.ts:10:20  req.body (HTTP request body)',
        '    step    src/lib/prompt builder.ts:4:3  tone (parameter of buildPrompt)',
        '    sink    src/routes/chat.ts:12:9  the system message',
        'src/clients.ts:3:14 warning hardcoded-llm-key An API key is written in the source.',
        '../../elsewhere/lib/x.ts:7:1 info missing-max-tokens This call sets no output-token cap.',
        '',
        '3 findings (1 error, 1 warning, 1 info) in 12 files, 1 skipped',
        '',
      ].join('\n'),
    );
  });

  it('shows paths relative to the working folder', () => {
    const text = formatText(result, { cwd: path.join(root, 'src'), color: false });
    assert.match(text, /^routes\/chat\.ts:12:9 error /);
  });

  it('colours only when asked, and the colours carry no other change', () => {
    const plain = formatText(result, { cwd: root, color: false });
    const coloured = formatText(result, { cwd: root, color: true });
    assert.match(coloured, /\u001b\[31merror\u001b\[39m/);
    assert.doesNotMatch(plain, /\u001b/);
    assert.equal(coloured.replace(/\u001b\[\d+m/g, ''), plain);
  });

  it('summarises a clean scan', () => {
    assert.equal(formatText(empty, { cwd: root, color: false }), '0 findings in 1 file\n');
    assert.equal(summaryLine({ ...empty, findings: [key] }), '1 finding (1 warning) in 1 file');
  });
});

describe('SARIF report', () => {
  it('validates against the SARIF 2.1.0 schema', () => {
    assert.deepEqual(sarifSchemaErrors(sarif()), []);
    assert.deepEqual(sarifSchemaErrors(toSarif(empty, { rules, docs: new Map(), ...times })), []);
  });

  it('the schema check rejects what is not SARIF', () => {
    const log = sarif();
    const broken = { ...log, runs: [{ ...log.runs[0], results: [{ ruleId: 'x', level: 'fatal', message: {} }] }] };
    assert.notDeepEqual(sarifSchemaErrors(broken), []);
    assert.notDeepEqual(sarifSchemaErrors({ version: '2.1.0' }), []);
  });

  it('describes the tool and every rule with help, tags and a security severity', () => {
    const log = sarif();
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    const driver = log.runs[0]!.tool.driver;
    assert.equal(driver.name, 'Promptward');
    assert.match(driver.semanticVersion, /^\d+\.\d+\.\d+/);
    assert.match(driver.informationUri, /^https:\/\//);
    assert.deepEqual(driver.rules.map((r) => r.id), ['prompt-injection', 'hardcoded-llm-key', 'missing-max-tokens']);

    const [injectionRule, keyRule, tokensRule] = driver.rules;
    assert.ok(injectionRule && keyRule && tokensRule);
    assert.equal(injectionRule.helpUri, 'https://example.com/docs/prompt-injection.md');
    assert.equal(injectionRule.help.markdown, docs.get('prompt-injection'));
    assert.equal(injectionRule.fullDescription.text, 'Reports untrusted text that reaches instructions.');
    assert.match(keyRule.help.markdown, /\[Documentation\]\(https:\/\/example\.com\/docs\/hardcoded-llm-key\.md\)/);
    assert.match(keyRule.help.text, /https:\/\/example\.com\/docs\/hardcoded-llm-key\.md/);
    assert.deepEqual(injectionRule.properties.tags, ['security', 'LLM01:2025', 'LLM01:2026', 'external/cwe/cwe-1427']);
    assert.equal(injectionRule.properties['security-severity'], '8.0');
    assert.equal(injectionRule.properties.precision, 'high');
    assert.equal(injectionRule.defaultConfiguration.level, 'error');
    assert.equal(tokensRule.defaultConfiguration.level, 'note');
  });

  it('reports each finding at a location relative to the scan root', () => {
    const run = sarif().runs[0]!;
    assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: 'file:///work/project/' } });
    const [first, second, third] = run.results;
    assert.ok(first && second && third);
    assert.equal(first.ruleId, 'prompt-injection');
    assert.equal(first.ruleIndex, 0);
    assert.equal(second.ruleIndex, 1);
    assert.equal(first.level, 'error');
    assert.equal(second.level, 'warning');
    assert.equal(third.level, 'note');
    assert.deepEqual(first.locations[0], {
      physicalLocation: {
        artifactLocation: { uri: 'src/routes/chat.ts', uriBaseId: '%SRCROOT%' },
        region: { startLine: 12, startColumn: 9, endLine: 12, endColumn: 14 },
      },
    });
    assert.deepEqual(third.locations[0]!.physicalLocation.artifactLocation, { uri: 'file:///elsewhere/lib/x.ts' });
    assert.deepEqual(first.partialFingerprints, { [FINGERPRINT_KEY]: 'abc123' });
    assert.equal(FINGERPRINT_KEY, 'promptward/v1');
  });

  it('gives a flow its code flow and related locations, one per path step', () => {
    const [flow, noFlow] = sarif().runs[0]!.results;
    assert.ok(flow && noFlow);
    const steps = flow.codeFlows?.[0]?.threadFlows[0]?.locations ?? [];
    assert.deepEqual(
      steps.map((s) => [s.location.physicalLocation.artifactLocation.uri, s.location.message?.text]),
      [
        ['src/routes/chat.ts', 'source: req.body (HTTP request body)'],
        ['src/lib/prompt%20builder.ts', 'step: tone (parameter of buildPrompt)'],
        ['src/routes/chat.ts', 'sink: the system message'],
      ],
    );
    assert.deepEqual(flow.relatedLocations?.map((l) => l.id), [1, 2, 3]);
    assert.equal(noFlow.codeFlows, undefined);
    assert.equal(noFlow.relatedLocations, undefined);
  });

  it('records the invocation and the skipped files', () => {
    const [invocation] = sarif().runs[0]!.invocations;
    assert.ok(invocation);
    assert.equal(invocation.executionSuccessful, true);
    assert.equal(invocation.startTimeUtc, '2026-11-26T10:00:00.000Z');
    assert.equal(invocation.endTimeUtc, '2026-11-26T10:00:02.000Z');
    assert.deepEqual(invocation.toolExecutionNotifications?.map((n) => n.message.text), ['Skipped: minified']);
  });
});

describe('suppressed findings, baselines and config levels in the reports', () => {
  const suppressed = { ...key, suppressed: { kind: 'inSource' as const, justification: 'a revoked test key' } };
  const report = { ...result, findings: [injection, suppressed], baselined: 2 };

  it('text leaves suppressed findings out and counts them with the baseline', () => {
    const text = formatText(report, { cwd: root, color: false });
    assert.doesNotMatch(text, /hardcoded-llm-key/);
    assert.match(text, /\n1 finding \(1 error\) in 12 files, 1 suppressed, 2 in baseline, 1 skipped\n$/);
  });

  it('SARIF gives a suppressed result an inSource suppression, marks results new against a baseline, and records config levels', () => {
    const log = toSarif(report, { rules, docs, ...times, levels: new Map([['missing-max-tokens', 'off'], ['hardcoded-llm-key', 'info']] as const) });
    assert.deepEqual(sarifSchemaErrors(log), []);
    const run = log.runs[0]!;
    assert.deepEqual(run.results.map((r) => r.suppressions), [undefined, [{ kind: 'inSource', justification: 'a revoked test key' }]]);
    assert.deepEqual(run.results.map((r) => r.baselineState), ['new', 'new']);
    assert.deepEqual(run.invocations[0]!.ruleConfigurationOverrides, [
      { descriptor: { id: 'missing-max-tokens', index: 2 }, configuration: { enabled: false } },
      { descriptor: { id: 'hardcoded-llm-key', index: 1 }, configuration: { level: 'note' } },
    ]);
    assert.equal(toSarif(result, { rules, docs, ...times }).runs[0]!.results[0]!.baselineState, undefined);
  });

  it('JSON lists suppressed findings with their marker and counts them apart', () => {
    const out = toJsonReport(report, { rules, levels: new Map([['hardcoded-llm-key', 'warning']] as const) });
    assert.deepEqual(out.findings.map((f) => f.suppressed), [undefined, { kind: 'inSource', justification: 'a revoked test key' }]);
    assert.deepEqual(out.findings[0]!.location, { path: 'src/routes/chat.ts', startLine: 12, startColumn: 9, endLine: 12, endColumn: 14 });
    assert.equal(out.findings[0]!.path[1]!.location.path, 'src/lib/prompt builder.ts');
    assert.deepEqual(out.skipped, [{ path: 'vendor/big.min.js', reason: 'minified' }]);
    assert.deepEqual({ ...out.stats, durationMs: 0 }, {
      filesScanned: 12, filesAnalysed: 3, filesSkipped: 1, durationMs: 0, findings: 1, bySeverity: { error: 1, warning: 0, info: 0 }, suppressed: 1, baselined: 2,
    });
    assert.deepEqual(out.rules.map((r) => `${r.id} ${r.severity} ${r.defaultSeverity}`), ['prompt-injection error error', 'hardcoded-llm-key warning warning', 'missing-max-tokens info info']);
  });

  it('github annotations escape what the workflow-command syntax reserves', () => {
    assert.equal(escapeData('50% done\r\nnext'), '50%25 done%0D%0Anext');
    assert.equal(escapeProperty('a:b,c%'), 'a%3Ab%2Cc%25');
    const odd: Finding = { ...key, message: 'line one\nline two: 100%', location: { ...key.location, file: path.join(root, 'src/a,b:c.ts') } };
    const text = formatGithub({ ...result, findings: [odd, suppressed, outside, injection] }, { cwd: root });
    assert.deepEqual(text.trimEnd().split('\n'), [
      '::warning file=src/a%2Cb%3Ac.ts,line=3,endLine=3,col=14,endColumn=44,title=Promptward hardcoded-llm-key::line one%0Aline two: 100%25',
      '::notice file=../../elsewhere/lib/x.ts,line=7,endLine=7,col=1,endColumn=6,title=Promptward missing-max-tokens::This call sets no output-token cap.',
      '::error file=src/routes/chat.ts,line=12,endLine=12,col=9,endColumn=14,title=Promptward prompt-injection::Untrusted req.body reaches the system message.%0Asource: src/routes/chat.ts:10:20 req.body (HTTP request body)%0Astep: src/lib/prompt builder.ts:4:3 tone (parameter of buildPrompt)%0Asink: src/routes/chat.ts:12:9 the system message',
      '3 findings (1 error, 1 warning, 1 info) in 12 files, 1 suppressed, 1 skipped',
    ]);
  });
});
