// The threat model's outputs checked by real consumers: the JSON against its published schema (ajv), the
// Markdown's Mermaid block by the `mermaid` package's own parser, and the HTML page in headless Chromium (no
// console errors, no network, nodes laid out without overlaps, a screenshot under test-output/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import { scan } from '../src/core';
import { buildDiagram, buildThreatModel, mermaidText, renderHtml, renderMarkdown, renderMermaid, type ThreatModel } from '../src/core/threat-model';

const ROOT = path.resolve(__dirname, '../../..');
const OUTPUT = path.join(ROOT, 'test-output', 'threat-model');
const CHROMIUM = '/usr/bin/chromium';
const CASES: [string, string][] = [
  ['demo-app', path.join(ROOT, 'test-fixtures', 'demo-app')],
  ...['promptfoo-redteam', 'incident-response', 'observability', 'bare-llm', 'no-llm'].map((c): [string, string] => [c, path.join(ROOT, 'test-fixtures', 'threat-model', c)]),
];

const models = new Map<string, Promise<ThreatModel>>();
function modelOf(name: string): Promise<ThreatModel> {
  let m = models.get(name);
  if (!m) {
    const folder = CASES.find(([n]) => n === name)![1];
    m = scan([folder], { cwd: ROOT }).then((r) => buildThreatModel(r, r.root));
    models.set(name, m);
  }
  return m;
}

// Node's dynamic import, kept as such by the CommonJS build (mermaid is an ES module).
const importEsm = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<any>;

let mermaidReady: Promise<{ parse(text: string): Promise<unknown> }> | undefined;
/**
 * The `mermaid` package's parser, in Node. Mermaid sanitises labels with DOMPurify, which needs a DOM: jsdom
 * provides one (both are devDependencies for this test only).
 */
function mermaid(): Promise<{ parse(text: string): Promise<unknown> }> {
  mermaidReady ??= (async () => {
    const { JSDOM } = await importEsm('jsdom');
    const dom = new JSDOM('<!doctype html><html><body></body></html>');
    const g = globalThis as Record<string, unknown>;
    g.window ??= dom.window;
    g.document ??= dom.window.document;
    return (await importEsm('mermaid')).default;
  })();
  return mermaidReady;
}

function mermaidBlock(markdown: string): string {
  const m = /^```mermaid\n([\s\S]*?)\n```$/m.exec(markdown);
  assert.ok(m, 'the Markdown has a mermaid block');
  return m[1]!;
}

test('the JSON of every case validates against rules/schema/threat-model.schema.json', async () => {
  const ajv = new Ajv({ strict: true, allErrors: true });
  const validate = ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'rules', 'schema', 'threat-model.schema.json'), 'utf8')));
  for (const [name] of CASES) {
    const json = JSON.parse(JSON.stringify(await modelOf(name)));
    assert.ok(validate(json), `${name}: ${ajv.errorsText(validate.errors)}`);
  }
  // The schema is not a rubber stamp: a wrong status or an unknown key fails.
  const bad = JSON.parse(JSON.stringify(await modelOf('demo-app')));
  bad.checklist[0].status = 'done';
  assert.equal(validate(bad), false);
  const extra = JSON.parse(JSON.stringify(await modelOf('demo-app')));
  extra.entryPoints[0].secure = true;
  assert.equal(validate(extra), false);
});

test('the Markdown of every case: its Mermaid block parses with the mermaid package', async () => {
  const parser = await mermaid();
  // The parser is real: an unescaped quote in a label is rejected.
  await assert.rejects(parser.parse('flowchart LR\n  a["x "quoted" "] --> b'));
  for (const [name] of CASES) {
    const md = renderMarkdown(await modelOf(name));
    const block = mermaidBlock(md);
    assert.deepEqual(await parser.parse(block), { diagramType: 'flowchart-v2', config: {} }, name);
  }
});

test('Mermaid labels with quotes, #, <, >, & and backticks are escaped so they still parse', async () => {
  const parser = await mermaid();
  const model = await modelOf('demo-app');
  const nasty = JSON.parse(JSON.stringify(model)) as ThreatModel;
  nasty.entryPoints[0]!.name = 'POST /api/"quoted"/#1 <script>alert(1)</script> & `code` \\ |pipe| [x] {y} (z)';
  nasty.tools[0]!.name = 'end';
  const text = renderMermaid(nasty);
  assert.ok(!text.includes('<script>'));
  await parser.parse(text);
  assert.equal(mermaidText('a "b" #c <d>'), 'a #34;b#34; #35;c #60;d#62;');
});

test('the Markdown has the summary, checklist with evidence, entry points, components, flows, tools and threats', async () => {
  const md = renderMarkdown(await modelOf('demo-app'), { linkRoot: '' });
  const headings = [...md.matchAll(/^(#{1,3}) (.*)$/gm)].map((m) => `${m[1]} ${m[2]}`);
  assert.deepEqual(headings.filter((h) => h.startsWith('## ')), [
    '## Summary',
    '## Checklist',
    '## Data-flow diagram',
    '## Entry points',
    '## AI components',
    '## Data flows',
    '## Tools',
    '## Threats by OWASP LLM category',
  ]);
  assert.ok(headings.includes('### 2. Least privilege and strong authentication on model endpoints: partly met'));
  assert.ok(headings.includes('### LLM05:2025 / LLM10:2026: Improper Output Handling'));
  assert.match(md, /^\| 4 \| Adversarial and red-team tests \| ❌ not met \| No red-team config/m);
  assert.match(md, /^\| `POST \/api\/public\/ask` \| route \(express\) \| \*\*no\*\* \| \*\*no\*\* \| `server\/services\/kb.ts:42:10` \| \[`server\/index.ts:37`\]\(server\/index.ts#L37\) \|$/m);
  // Every table row has as many cells as its header.
  const lines = md.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^\|---/.test(lines[i]!)) continue;
    const cells = (l: string) => l.replace(/\\\|/g, '').split('|').length;
    for (let j = i + 1; j < lines.length && lines[j]!.startsWith('|'); j++) assert.equal(cells(lines[j]!), cells(lines[i - 1]!), `row ${j + 1}: ${lines[j]}`);
  }
});

test('the HTML opens in headless Chromium: no console errors, no network, every node drawn without overlaps', { timeout: 120_000 }, async (t) => {
  if (!existsSync(CHROMIUM)) {
    t.skip(`Chromium is not installed at ${CHROMIUM}: apt-get install -y chromium (see .ci/run)`);
    return;
  }
  const { chromium } = await importEsm('playwright-core');
  mkdirSync(OUTPUT, { recursive: true });
  const profile = mkdtempSync(path.join(tmpdir(), 'promptward-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1500, height: 1000 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    for (const name of ['demo-app', 'incident-response', 'no-llm']) {
      const model = await modelOf(name);
      const file = path.join(OUTPUT, `${name}.html`);
      writeFileSync(file, renderHtml(model));
      const page = await context.newPage();
      const problems: string[] = [];
      const requests: string[] = [];
      page.on('console', (m: { type(): string; text(): string }) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e: Error) => problems.push(`page error: ${e.message}`));
      page.on('request', (r: { url(): string }) => requests.push(r.url()));
      await page.goto(`file://${file}`, { waitUntil: 'load' });
      assert.deepEqual(problems, [], `${name}: console`);
      assert.deepEqual(requests.filter((u) => !u.startsWith('file://')), [], `${name}: network requests`);
      assert.equal(await page.title(), `Threat model: ${model.workspace.name}`);

      const diagram = buildDiagram(model);
      const boxes: { id: string; x: number; y: number; width: number; height: number }[] = await page.$$eval('.diagram svg g.node', (gs: any[]) =>
        gs.map((g) => { const b = g.getBBox(); return { id: g.getAttribute('data-node'), x: b.x, y: b.y, width: b.width, height: b.height }; }),
      );
      assert.deepEqual(boxes.map((b) => b.id).sort(), diagram.nodes.map((n) => n.id).sort(), `${name}: every node drawn`);
      for (const a of boxes) {
        for (const b of boxes) {
          if (a.id >= b.id) continue;
          const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
          assert.ok(!overlap, `${name}: nodes ${a.id} and ${b.id} overlap`);
        }
      }
      if (name === 'demo-app') {
        const text = await page.textContent('.diagram svg');
        for (const label of ['POST /api/public/ask', 'gpt-4.1-nano', 'tool runShell', 'SQL text (pool.query)', 'Untrusted input', 'Model providers']) assert.ok(text!.includes(label), `diagram shows ${label}`);
        const rows: string[] = await page.$$eval('#checklist + p + table tbody tr', (trs: any[]) => trs.map((tr) => [...tr.children].map((td: any) => td.textContent.trim()).join(' | ')));
        assert.equal(rows.length, 6);
        assert.equal(rows[1], '2 | Least privilege and strong authentication on model endpoints | partly met | 5 of 12 checks on LLM entry points, tools and keys failed.');
      }
      await (await page.$('.diagram svg'))!.screenshot({ path: path.join(OUTPUT, `${name}-diagram.png`) });
      await page.screenshot({ path: path.join(OUTPUT, `${name}-page.png`), fullPage: true });
      await page.close();
    }

    // The Markdown's Mermaid diagram renders in a browser with the mermaid package itself, labels decoded.
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e: Error) => errors.push(e.message));
    await page.setContent('<!doctype html><html><body><div id="out"></div></body></html>');
    await page.addScriptTag({ path: path.join(ROOT, 'node_modules', 'mermaid', 'dist', 'mermaid.min.js') });
    const block = mermaidBlock(renderMarkdown(await modelOf('demo-app')));
    const svg: string = await page.evaluate(async (text: string) => {
      const g = globalThis as any;
      g.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
      const { svg } = await g.mermaid.render('threat-model', text);
      g.document.getElementById('out').innerHTML = svg;
      return svg;
    }, block);
    assert.deepEqual(errors, []);
    for (const label of ['POST /api/public/ask', 'gpt-4.1-nano', 'Untrusted input', 'HTML rendering (dangerouslySetInnerHTML)']) assert.ok(svg.includes(label), `mermaid renders ${label}`);
    await (await page.$('#out svg'))!.screenshot({ path: path.join(OUTPUT, 'demo-app-mermaid.png') });
    await page.close();
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
