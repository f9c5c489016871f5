// Benchmark of the language server as an editor sees it: the built server (dist/server.js) spawned over stdio on
// a mid-size project, timing
//   - open → first diagnostics (cold: server start, folder load, analysis of the opened file's connected files),
//   - didChange → fresh diagnostics for that version, over N edits (default 1,000) of a file of a few hundred
//     lines that calls an LLM: median, p95, max,
//   - the whole-folder findings summary (promptward/findingsSummary, analyses every file),
//   - the server's resident memory after 100 warm-up edits and after the edits (each after a 3 s pause, as a user pauses:
//     the server collects garbage when idle), and every 100 edits while typing.
// The debounce is set to 0 so the numbers are the server's own latency; an editor adds the debounce (150 ms by
// default) after the last keystroke.
// Project: generated in a temporary folder from copies of test-fixtures/ (every rule's fixture projects, several
// copies of the demo app, and plain modules that never touch an LLM), or any folder with --project DIR
// (then --file REL picks the file to edit).
// Usage: npm run build && node bench/lsp-bench.mjs [--edits N] [--copies N] [--filler N] [--whole] [--project DIR --file REL]
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(HERE);
const SERVER = path.join(ROOT, 'dist', 'server.js');
const FIXTURES = path.join(ROOT, 'test-fixtures');

function parseOptions(argv) {
  const o = { edits: 1000, copies: 4, filler: 150, whole: false, project: undefined, file: undefined, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--edits') o.edits = Number(argv[++i]);
    else if (a === '--copies') o.copies = Number(argv[++i]);
    else if (a === '--filler') o.filler = Number(argv[++i]);
    else if (a === '--whole') o.whole = true;
    else if (a === '--project') o.project = path.resolve(argv[++i]);
    else if (a === '--file') o.file = argv[++i];
    else if (a === '--keep') o.keep = true;
    else {
      console.error('Usage: node bench/lsp-bench.mjs [--edits N] [--copies N] [--filler N] [--whole] [--project DIR --file REL] [--keep]');
      process.exit(2);
    }
  }
  if (!(o.edits >= 100)) throw new Error('--edits needs at least 100');
  return o;
}

// ------------------------------------------------------------------ the project

const SOURCE = /\.(ts|tsx|js|jsx|mjs|cjs|mts|cts)$/;

function countSources(dir) {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) { if (e.name !== 'node_modules') n += countSources(path.join(dir, e.name)); }
    else if (SOURCE.test(e.name) && !e.name.endsWith('.d.ts')) n++;
  }
  return n;
}

/** The demo app's ticket routes grown to a few hundred lines: more handlers of the same shape. */
function bigRoutesFile() {
  const base = readFileSync(path.join(FIXTURES, 'demo-app/server/routes/tickets.ts'), 'utf8');
  const handler = base.slice(base.indexOf('// Agent console: a first draft of the reply'));
  let extra = '';
  for (let i = 1; i <= 7; i++) extra += '\n' + handler.replace(/\/:id\/draft-reply/g, `/:id/draft-reply-v${i}`).replace(/Agent console: a first draft/g, `Variant ${i} of the first draft`);
  return base + extra;
}

function filler(i, count) {
  const next = (i + 1) % count;
  return `// A plain module that never talks to an LLM (benchmark filler ${i}).
import { format${next} } from './util${next}';

export interface Row${i} { id: number; name: string; tags: string[]; createdAt: Date }

export function format${i}(row: Row${i}): string {
  const tags = row.tags.map((t) => t.trim().toLowerCase()).filter(Boolean).join(', ');
  return \`#\${row.id} \${row.name} [\${tags}] \${row.createdAt.toISOString()}\`;
}

export function sortRows${i}(rows: Row${i}[]): Row${i}[] {
  return [...rows].sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
}

export function summary${i}(rows: Row${i}[]): string {
  const byTag = new Map<string, number>();
  for (const r of rows) for (const t of r.tags) byTag.set(t, (byTag.get(t) ?? 0) + 1);
  return [...byTag].map(([t, n]) => \`\${t}: \${n}\`).join('\\n') + (rows.length ? format${next}(rows[0] as never) : '');
}
`;
}

function generateProject(o) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'promptward-lsp-bench-'));
  for (const name of readdirSync(FIXTURES)) {
    if (name === 'demo-app' || name === 'config') continue;
    cpSync(path.join(FIXTURES, name), path.join(dir, 'fixtures', name), { recursive: true });
  }
  for (let c = 1; c <= o.copies; c++) cpSync(path.join(FIXTURES, 'demo-app'), path.join(dir, `apps/app${c}`), { recursive: true });
  writeFileSync(path.join(dir, 'apps/app1/server/routes/tickets.ts'), bigRoutesFile());
  mkdirSync(path.join(dir, 'lib'), { recursive: true });
  for (let i = 0; i < o.filler; i++) writeFileSync(path.join(dir, 'lib', `util${i}.ts`), filler(i, o.filler));
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'lsp-bench-project', private: true }, null, 2));
  return { dir, file: 'apps/app1/server/routes/tickets.ts' };
}

// ------------------------------------------------------------------ a minimal LSP client

class Client {
  constructor(args) {
    this.proc = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'inherit'] });
    this.buffer = Buffer.alloc(0);
    this.nextId = 1;
    this.pending = new Map();
    this.waiters = [];
    this.published = new Map();
    this.proc.stdout.on('data', (chunk) => this.onData(chunk));
  }

  onData(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString('ascii'))[1]);
      if (this.buffer.length < end + 4 + length) return;
      const msg = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString('utf8'));
      this.buffer = this.buffer.subarray(end + 4 + length);
      this.dispatch(msg);
    }
  }

  dispatch(msg) {
    const now = performance.now();
    if (msg.id !== undefined && msg.method === undefined) {
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (msg.error) p?.reject(new Error(msg.error.message));
      else p?.resolve(msg.result);
    } else if (msg.id !== undefined) {
      this.write({ jsonrpc: '2.0', id: msg.id, result: null });
    } else if (msg.method === 'textDocument/publishDiagnostics') {
      this.published.set(msg.params.uri, { ...msg.params, at: now });
      for (const w of [...this.waiters]) w();
    }
  }

  write(msg) {
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    this.proc.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]));
  }

  request(method, params) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.write({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method, params) {
    this.write({ jsonrpc: '2.0', method, params });
  }

  /** Resolves with the publishDiagnostics of `uri` at `version` (deadline 60 s). */
  diagnosticsFor(uri, version) {
    return new Promise((resolve, reject) => {
      const check = () => {
        const p = this.published.get(uri);
        if (p && p.version === version) {
          this.waiters = this.waiters.filter((w) => w !== check);
          clearTimeout(timer);
          resolve(p);
        }
      };
      const timer = setTimeout(() => reject(new Error(`no diagnostics for version ${version} within 60 s`)), 60_000);
      this.waiters.push(check);
      check();
    });
  }
}

function rssMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
  } catch {
    return NaN;
  }
}

/** A pause like a user's: the server collects garbage when idle (2 s). */
const idle = () => new Promise((resolve) => setTimeout(resolve, 3000));

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const ms = (x) => `${x.toFixed(1)} ms`;

// ------------------------------------------------------------------ the run

async function main() {
  const o = parseOptions(process.argv.slice(2));
  if (!existsSync(SERVER)) throw new Error('dist/server.js is missing: run npm run build first');
  const generated = o.project ? undefined : generateProject(o);
  const root = o.project ?? generated.dir;
  const rel = o.file ?? generated?.file;
  if (!rel) throw new Error('--project needs --file REL (the file to edit)');
  const file = path.join(root, rel);
  const original = readFileSync(file, 'utf8');
  const uri = pathToFileURL(file).href;
  const sources = countSources(root);

  const started = performance.now();
  const client = new Client([SERVER, '--stdio']);
  await client.request('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'bench' }],
    capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } } },
    initializationOptions: { debounceMs: 0, ...(o.whole ? { wholeFolderMaxFiles: 1e9 } : {}) },
  });
  client.notify('initialized', {});
  const opened = performance.now();
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: original } });
  const first = await client.diagnosticsFor(uri, 1);
  const openToFirst = first.at - opened;
  const startToFirst = first.at - started;

  // Edits: a value inside a handler changes every time; every fourth edit adds or removes a token cap, which
  // changes the findings.
  // (In another project without such a line: a statement appended at the end changes with every edit.)
  const lines = original.split('\n');
  const anchor = lines.findIndex((l) => l.includes('temperature: 0,'));
  const textFor = (i) => {
    const copy = [...lines];
    if (anchor < 0) return `${original}\nexport const promptwardBenchEdit = ${i};\n`;
    copy[anchor] = `    temperature: 0.${i % 10},`;
    if (i % 4 === 0) copy.splice(anchor, 0, '    max_tokens: 50,');
    return copy.join('\n');
  };

  let version = 1;
  // Warm-up edits before the memory baseline: over the first ~100 edits V8 grows its young generation and code
  // space to their working size (+20 MB of RSS measured, once; the live heap after a full collection stays flat),
  // so a baseline taken earlier would count that one-time growth as growth over the session.
  const warmup = 100;
  const latencies = [];
  const rssSeries = [];
  let rssBefore = NaN;
  for (let i = 0; i < warmup + o.edits; i++) {
    if (i === warmup) {
      await idle();
      rssBefore = rssMb(client.proc.pid);
    }
    if (i >= warmup && (i - warmup) % 100 === 0) rssSeries.push(+rssMb(client.proc.pid).toFixed(1));
    version++;
    const sent = performance.now();
    client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: textFor(i) }] });
    const got = await client.diagnosticsFor(uri, version);
    if (i >= warmup) latencies.push(got.at - sent);
  }
  const rssBusy = rssMb(client.proc.pid);
  await idle();
  const rssAfter = rssMb(client.proc.pid);

  const summaryStart = performance.now();
  const summary = await client.request('promptward/findingsSummary', {});
  const summaryMs = performance.now() - summaryStart;
  const rssFinal = rssMb(client.proc.pid);

  await client.request('shutdown', null);
  client.notify('exit', null);

  latencies.sort((a, b) => a - b);
  const median = pct(latencies, 50);
  const p95 = pct(latencies, 95);
  const s = summary.folders[0];
  const out = {
    project: generated ? `generated from test-fixtures (${o.copies} demo-app copies, ${o.filler} filler modules)` : root,
    sourceFiles: sources,
    editedFile: `${rel} (${lines.length} lines)`,
    mode: o.whole ? 'whole folder on every change' : 'connected files of the change',
    openToFirstDiagnosticsMs: +openToFirst.toFixed(1),
    serverStartToFirstDiagnosticsMs: +startToFirst.toFixed(1),
    edits: latencies.length,
    editLatencyMs: { median: +median.toFixed(1), p95: +p95.toFixed(1), max: +latencies[latencies.length - 1].toFixed(1), min: +latencies[0].toFixed(1) },
    wholeFolderSummaryMs: +summaryMs.toFixed(1),
    findingsInFolder: s.total,
    rssMbEvery100Edits: rssSeries,
    rssMb: { afterWarmup: +rssBefore.toFixed(1), rightAfterEdits: +rssBusy.toFixed(1), afterEdits: +rssAfter.toFixed(1), growthPercent: +(((rssAfter - rssBefore) / rssBefore) * 100).toFixed(1), afterWholeFolder: +rssFinal.toFixed(1) },
    node: process.version,
    cpus: os.cpus().length,
  };
  console.log(`Language server benchmark (${out.mode})`);
  console.log(`  project                        ${out.project}: ${sources} source files`);
  console.log(`  edited file                    ${out.editedFile}`);
  console.log(`  open → first diagnostics       ${ms(openToFirst)} (server start → first diagnostics ${ms(startToFirst)})`);
  console.log(`  didChange → fresh diagnostics  median ${ms(median)}, p95 ${ms(p95)}, max ${ms(latencies[latencies.length - 1])} over ${latencies.length} edits (debounce 0)`);
  console.log(`  whole-folder summary           ${ms(summaryMs)} (${s.total} findings in ${s.filesWithFindings} files)`);
  console.log(`  server RSS (after a 3 s pause)  ${rssBefore.toFixed(1)} MB after warm-up → ${rssAfter.toFixed(1)} MB after ${latencies.length} edits (${out.rssMb.growthPercent >= 0 ? '+' : ''}${out.rssMb.growthPercent}%); ${rssBusy.toFixed(1)} MB right after the last edit; ${rssFinal.toFixed(1)} MB after the whole-folder analysis`);
  console.log(`  server RSS every 100 edits     ${rssSeries.join(', ')} MB`);
  const resultsDir = path.join(HERE, 'results');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(path.join(resultsDir, `lsp-bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`), JSON.stringify(out, null, 2));
  if (generated && !o.keep) rmSync(generated.dir, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(`lsp-bench: ${err.stack ?? err}`);
  process.exit(1);
});
