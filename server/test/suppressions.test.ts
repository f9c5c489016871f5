// Suppression comments: parsing, finding them only in real comments, and applying them to findings.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applySuppressions, findDirectives, parseDirective, type Directive } from '../src/config/suppressions';
import type { ReportFinding } from '../src/config/report-finding';
import type { Finding } from '../src/core/types';

describe('parsing a directive', () => {
  it('reads rule ids and the reason', () => {
    assert.deepEqual(parseDirective(' promptward-ignore-next-line prompt-injection, secret-in-prompt -- reviewed: the tone is an enum '), {
      kind: 'next-line',
      name: 'promptward-ignore-next-line',
      rules: ['prompt-injection', 'secret-in-prompt'],
      reason: 'reviewed: the tone is an enum',
      problems: [],
    });
    assert.deepEqual(parseDirective('promptward-ignore-file hardcoded-llm-key -- mock keys')?.rules, ['hardcoded-llm-key']);
    assert.equal(parseDirective(' * promptward-ignore-file missing-max-tokens --\n * capped by the gateway\n ')?.reason, 'capped by the gateway');
  });

  it('is not a directive unless the comment starts with one', () => {
    assert.equal(parseDirective(' see promptward-ignore-next-line in the docs'), undefined);
    assert.equal(parseDirective(' eslint-disable-next-line'), undefined);
  });

  it('records what is wrong', () => {
    assert.deepEqual(parseDirective(' promptward-ignore-next-line prompt-injection')?.problems, [
      'needs a reason: add " -- <why this is safe>" after the rule ids; without one it suppresses nothing',
    ]);
    assert.deepEqual(parseDirective(' promptward-ignore-next-line prompt-injection --   ')?.reason, undefined);
    assert.match(parseDirective(' promptward-ignore-next-line -- why')?.problems.join() ?? '', /names no rule/);
    const unknown = parseDirective(' promptward-ignore-next-line prompt-injektion, missing-max-tokens -- why');
    assert.deepEqual(unknown?.rules, ['missing-max-tokens']);
    assert.match(unknown?.problems.join() ?? '', /names an unknown rule id "prompt-injektion"/);
    assert.match(parseDirective(' promptward-ignore-line x -- y')?.problems.join() ?? '', /is not a directive: use promptward-ignore-next-line or promptward-ignore-file/);
    assert.match(parseDirective(' promptward-ignore-next-line unused-ignore -- meta rules cannot be ignored')?.problems.join() ?? '', /unknown rule id "unused-ignore"/);
  });
});

describe('finding directives', () => {
  it('reads line, block and JSX comments, never strings, templates or JSX text', () => {
    const text = [
      "const a = '// promptward-ignore-next-line prompt-injection -- in a string';",
      'const b = `/* promptward-ignore-file prompt-injection -- in a template */`;',
      '// promptward-ignore-next-line prompt-injection -- a line comment',
      'const c = 1; /* promptward-ignore-next-line missing-max-tokens -- a trailing block comment */',
      'export const view = (',
      '  <div>',
      '    promptward-ignore-next-line prompt-injection -- JSX text',
      '    {/* promptward-ignore-next-line unvalidated-llm-output -- a JSX comment */}',
      '    <div dangerouslySetInnerHTML={{ __html: c }} />',
      '  </div>',
      ');',
      'function f() {',
      '  // promptward-ignore-next-line excessive-agency -- before a closing brace',
      '}',
      '/* promptward-ignore-file secret-in-prompt -- at the end */',
    ].join('\n');
    const found = findDirectives('/repo/view.tsx', text);
    assert.deepEqual(
      found.map((d) => `${d.location.start.line}:${d.location.start.column} ${d.kind} ${d.rules.join(',')} (${d.reason})`),
      [
        '3:1 next-line prompt-injection (a line comment)',
        '4:14 next-line missing-max-tokens (a trailing block comment)',
        '8:6 next-line unvalidated-llm-output (a JSX comment)',
        '13:3 next-line excessive-agency (before a closing brace)',
        '15:1 file secret-in-prompt (at the end)',
      ],
    );
    assert.deepEqual(findDirectives('/repo/plain.ts', 'const x = 1;\n'), []);
  });
});

function finding(ruleId: Finding['ruleId'], line: number, file = '/repo/a.ts'): ReportFinding {
  const at = { line, column: 1 };
  return {
    ruleId,
    severity: 'error',
    confidence: 'high',
    message: `${ruleId} at ${line}`,
    location: { file, start: at, end: at, startOffset: line * 100, endOffset: line * 100 + 5 },
    path: [],
    fixes: [],
    fingerprint: `${ruleId}-${line}`,
  };
}

describe('applying directives', () => {
  const text = [
    '// promptward-ignore-next-line prompt-injection -- the tone is an enum', // 1
    'call();', // 2
    '// promptward-ignore-next-line missing-max-tokens', // 3: no reason
    'call();', // 4
    '// promptward-ignore-next-line prompt-injection, missing-rate-limit -- nothing here', // 5
    'call();', // 6
    '/* promptward-ignore-file hardcoded-llm-key -- mock keys */', // 7
  ].join('\n');
  const directives = new Map<string, Directive[]>([['/repo/a.ts', findDirectives('/repo/a.ts', text)]]);
  const findings = [
    finding('prompt-injection', 2),
    finding('missing-max-tokens', 4),
    finding('hardcoded-llm-key', 10),
    finding('hardcoded-llm-key', 20),
    finding('prompt-injection', 3),
    finding('hardcoded-llm-key', 1, '/repo/b.ts'),
  ];

  it('marks the findings a valid directive covers, keeping them', () => {
    const { findings: out, problems } = applySuppressions(findings, directives, { root: '/repo', reportUnused: false, levels: new Map() });
    assert.deepEqual(
      out.map((f) => `${f.location.file}:${f.location.start.line} ${f.ruleId} ${f.suppressed?.justification ?? '-'}`),
      [
        '/repo/a.ts:2 prompt-injection the tone is an enum',
        '/repo/a.ts:4 missing-max-tokens -',
        '/repo/a.ts:10 hardcoded-llm-key mock keys',
        '/repo/a.ts:20 hardcoded-llm-key mock keys',
        '/repo/a.ts:3 prompt-injection -',
        '/repo/b.ts:1 hardcoded-llm-key -',
      ],
    );
    assert.deepEqual(problems.map((p) => `${p.location.start.line} ${p.ruleId} ${p.severity}`), ['3 invalid-ignore warning']);
    assert.match(problems[0]!.message, /needs a reason/);
  });

  it('reports unused directives when asked, except for rules that are off', () => {
    const { problems } = applySuppressions(findings, directives, { root: '/repo', reportUnused: true, levels: new Map() });
    assert.deepEqual(problems.map((p) => `${p.location.start.line} ${p.ruleId}`), ['3 invalid-ignore', '5 unused-ignore', '5 unused-ignore']);
    assert.match(problems[1]!.message, /suppresses nothing: there is no prompt-injection finding on line 6/);
    const off = applySuppressions(findings, directives, { root: '/repo', reportUnused: true, levels: new Map([['missing-rate-limit', 'off'], ['invalid-ignore', 'error']] as const) });
    assert.deepEqual(off.problems.map((p) => `${p.location.start.line} ${p.ruleId} ${p.severity}`), ['3 invalid-ignore error', '5 unused-ignore warning']);
  });

  it('gives meta findings stable, distinct fingerprints', () => {
    const one = applySuppressions(findings, directives, { root: '/repo', reportUnused: true, levels: new Map() }).problems.map((p) => p.fingerprint);
    const two = applySuppressions(findings, directives, { root: '/repo', reportUnused: true, levels: new Map() }).problems.map((p) => p.fingerprint);
    assert.deepEqual(one, two);
    assert.equal(new Set(one).size, one.length);
  });
});
