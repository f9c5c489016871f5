// Benchmark: how long a whole-repository scan takes, against the plain TypeScript parse of the same files and
// against ESLint, the linter a team already runs in CI. Usage: npm run bench [-- --runs N] [-- --only parse,eslint]
//
// Each tool runs as its own child process over the same corpus (node start-up included), N times (default 3),
// interleaved; the table shows the median wall time, files per second, the median peak RSS of the child and the
// ratio of its time to the plain parse's. Tools:
//   (a) parse       bench/plain-parse.mjs: read every file and ts.createSourceFile it; the floor.
//   (b) promptward  node dist/promptward.js scan <corpus> --format sarif --output /dev/null  (npm run build first)
//   (c) eslint      ESLint 9 + eslint-plugin-security (recommended) + @typescript-eslint/parser, one thread, from a
//                   flat config written to a temp folder (-c, so no config in or above the corpus is looked up;
//                   --no-inline-config, so the corpus's own eslint-disable comments change nothing).
// Corpus: bench/.corpus/code, built by `npm run bench:corpus` (bench/fetch-corpus.mjs) from npm packages; built
// here when missing.
// Peak RSS: measured by GNU time (`/usr/bin/time -f %M`; `apt-get install -y time` where it is missing); without
// it, each child reports process.resourceUsage().maxRSS at exit through a --require'd hook. Same number.
// Results are also written to bench/results/ (git-ignored) as JSON.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(HERE);
const CORPUS = path.join(HERE, '.corpus');
const CODE = path.join(CORPUS, 'code');
const LIST = path.join(CORPUS, 'files.txt');
const CLI = path.join(ROOT, 'dist', 'promptward.js');
const GNU_TIME = '/usr/bin/time';
const TOOL_IDS = ['parse', 'promptward', 'eslint'];

function usage(message) {
  if (message) console.error(`scan-bench: ${message}`);
  console.error('Usage: node bench/scan-bench.mjs [--runs N] [--only parse,promptward,eslint] [--no-gnu-time]');
  process.exit(2);
}

function parseOptions(argv) {
  const options = { runs: 3, only: TOOL_IDS, gnuTime: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--runs') options.runs = Number(argv[++i]);
    else if (arg === '--only') options.only = String(argv[++i] ?? '').split(',').filter(Boolean);
    else if (arg === '--no-gnu-time') options.gnuTime = false;
    else if (arg === '--help' || arg === '-h') usage();
    else usage(`unknown argument '${arg}'`);
  }
  if (!Number.isInteger(options.runs) || options.runs < 1) usage('--runs needs a positive whole number');
  if (options.only.length === 0 || options.only.some((id) => !TOOL_IDS.includes(id))) {
    usage(`--only takes a comma-separated list of ${TOOL_IDS.join(', ')}`);
  }
  return options;
}

/** A package's package.json (not every package exports it), found above its main module. */
function manifest(pkg) {
  for (let dir = path.dirname(require.resolve(pkg)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const json = JSON.parse(readFileSync(file, 'utf8'));
    if (json.name === pkg) return { dir, json };
  }
  throw new Error(`cannot find the package.json of ${pkg}`);
}

const version = (pkg) => manifest(pkg).json.version;

function eslintConfig(dir) {
  const file = path.join(dir, 'eslint.config.mjs');
  const url = (pkg) => pathToFileURL(require.resolve(pkg)).href;
  writeFileSync(file, `import security from ${JSON.stringify(url('eslint-plugin-security'))};
import tsParser from ${JSON.stringify(url('@typescript-eslint/parser'))};
export default [
  {
    files: ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'],
    languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
  },
  security.configs.recommended,
];
`);
  return file;
}

/** The three tools: how to run each, which exit codes mean it worked, and what it says it did (files read). */
function tools(tmp) {
  const eslintReport = path.join(tmp, 'eslint.json');
  const eslint = manifest('eslint');
  return [
    {
      id: 'parse', label: '(a) plain parse, ts.createSourceFile', cwd: ROOT,
      args: [path.join(HERE, 'plain-parse.mjs'), CODE, LIST], ok: [0],
      read: (run) => ({ files: JSON.parse(run.stdout).files }),
    },
    {
      id: 'promptward', label: '(b) promptward scan --format sarif', cwd: ROOT,
      args: [CLI, 'scan', CODE, '--format', 'sarif', '--output', '/dev/null'], ok: [0, 1],
      read: (run) => ({
        files: Number(/ in (\d+) files?/.exec(run.stderr)?.[1] ?? NaN),
        note: run.stderr.trim().replace(/; report written to .*/, ''),
      }),
      missing: () => (existsSync(CLI) ? undefined : `${path.relative(ROOT, CLI)} is missing: run npm run build first`),
    },
    {
      id: 'eslint', label: '(c) eslint 9 + security + ts parser', cwd: CODE,
      args: [path.join(eslint.dir, eslint.json.bin.eslint), '--config', eslintConfig(tmp), '--no-inline-config',
        '--format', 'json', '--output-file', eslintReport, '.'],
      ok: [0, 1],
      read: () => {
        const report = JSON.parse(readFileSync(eslintReport, 'utf8'));
        const fatal = report.filter((file) => file.messages.some((m) => m.fatal)).length;
        const problems = report.reduce((n, file) => n + file.messages.length, 0);
        return { files: report.length, note: `eslint: ${problems} problems, ${fatal} files that did not parse` };
      },
    },
  ];
}

function rssHook(tmp) {
  const file = path.join(tmp, 'report-rss.cjs');
  writeFileSync(file, `process.on('exit', () => require('fs').writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));\n`);
  return file;
}

function measure(tool, tmp, gnuTime, hook) {
  const rssFile = path.join(tmp, `${tool.id}.rss`);
  rmSync(rssFile, { force: true });
  const [command, args] = gnuTime
    ? [GNU_TIME, ['-f', '%M', '-o', rssFile, process.execPath, ...tool.args]]
    : [process.execPath, ['--require', hook, ...tool.args]];
  const started = performance.now();
  const run = spawnSync(command, args, {
    cwd: tool.cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, env: { ...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
  });
  const wallMs = performance.now() - started;
  if (run.error) return { error: run.error.message };
  if (!tool.ok.includes(run.status)) {
    const last = `${run.stderr}${run.stdout}`.trim().split('\n').slice(-3).join(' | ');
    return { error: `exit ${run.status}: ${last}` };
  }
  // GNU time puts "Command exited with non-zero status N" before the number when the child exits non-zero.
  const rssKb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
  return { wallMs, rssKb, ...tool.read(run) };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function ensureCorpus() {
  if (existsSync(LIST)) return;
  console.log('No corpus yet: building it (npm run bench:corpus).');
  execFileSync(process.execPath, [path.join(HERE, 'fetch-corpus.mjs')], { stdio: 'inherit' });
}

function warmPageCache(files) {
  for (const file of files) readFileSync(path.join(CODE, file));
}

function table(rows) {
  const header = ['tool', 'files', 'wall (median)', 'min-max', 'files/s', 'peak RSS', 'x parse'];
  const body = rows.map((r) => r.error
    ? [r.label, '', `failed: ${r.error}`.slice(0, 100), '', '', '', '']
    : [r.label, String(r.files), `${(r.wallMs / 1000).toFixed(2)} s`,
      `${(r.minMs / 1000).toFixed(2)}-${(r.maxMs / 1000).toFixed(2)} s`, String(Math.round(r.filesPerSecond)),
      `${Math.round(r.rssKb / 1024)} MB`, r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}x`]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.filter((b) => b[1] !== '').map((b) => b[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 || c.startsWith('failed') ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

function main() {
  const options = parseOptions(process.argv.slice(2));
  ensureCorpus();
  const corpusFiles = readFileSync(LIST, 'utf8').split('\n').filter(Boolean);
  const corpus = JSON.parse(readFileSync(path.join(CORPUS, 'corpus.json'), 'utf8'));
  const gnuTime = options.gnuTime && spawnSync(GNU_TIME, ['-f', '%M', 'true']).status === 0;
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'promptward-bench-'));
  const hook = rssHook(tmp);

  try {
    const selected = tools(tmp).filter((t) => options.only.includes(t.id));
    console.log(`Corpus: ${path.relative(process.cwd(), CODE)}: ${corpus.total.files} files, ${corpus.total.lines} lines `
      + `from ${corpus.packages.length} npm packages (bench/.corpus/corpus.json)`);
    console.log(`Node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}; TypeScript ${version('typescript')}, `
      + `ESLint ${version('eslint')}, eslint-plugin-security ${version('eslint-plugin-security')}, `
      + `@typescript-eslint/parser ${version('@typescript-eslint/parser')}`);
    console.log(`${options.runs} run(s) of each, interleaved; peak RSS from ${gnuTime ? 'GNU time' : 'process.resourceUsage().maxRSS'}\n`);
    warmPageCache(corpusFiles);

    const samples = new Map(selected.map((t) => [t.id, []]));
    const errors = new Map();
    for (const tool of selected) {
      const missing = tool.missing?.();
      if (missing) errors.set(tool.id, missing);
    }
    for (let run = 1; run <= options.runs; run++) {
      for (const tool of selected) {
        if (errors.has(tool.id)) continue;
        const result = measure(tool, tmp, gnuTime, hook);
        if (result.error) {
          errors.set(tool.id, result.error);
          console.log(`run ${run}: ${tool.id} failed: ${result.error}`);
          continue;
        }
        samples.get(tool.id).push(result);
        console.log(`run ${run}: ${tool.id.padEnd(10)} ${(result.wallMs / 1000).toFixed(2)} s, `
          + `${Math.round(result.rssKb / 1024)} MB, ${result.files} files`);
      }
    }

    const rows = selected.map((tool) => {
      const runs = samples.get(tool.id);
      if (errors.has(tool.id) || runs.length === 0) return { id: tool.id, label: tool.label, error: errors.get(tool.id) ?? 'no run' };
      const walls = runs.map((r) => r.wallMs);
      const wallMs = median(walls);
      const files = runs.at(-1).files;
      return { id: tool.id, label: tool.label, files, wallMs, minMs: Math.min(...walls), maxMs: Math.max(...walls),
        filesPerSecond: (files / wallMs) * 1000, rssKb: median(runs.map((r) => r.rssKb)), runs };
    });
    const parse = rows.find((r) => r.id === 'parse' && !r.error);
    for (const row of rows) if (parse && !row.error) row.ratio = row.wallMs / parse.wallMs;

    console.log(`\n${table(rows)}`);
    for (const row of rows) {
      if (row.error) continue;
      if (row.runs.at(-1).note) console.log(row.runs.at(-1).note);
      if (row.files !== corpusFiles.length) {
        console.log(`note: ${row.id} read ${row.files} files; the corpus lists ${corpusFiles.length}`);
      }
    }

    const results = path.join(HERE, 'results');
    mkdirSync(results, { recursive: true });
    const out = path.join(results, `scan-bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: os.cpus().length,
      corpus: corpus.total, runs: options.runs, rssFrom: gnuTime ? 'gnu-time' : 'resourceUsage', rows }, null, 2)}\n`);
    console.log(`\nwritten to ${path.relative(process.cwd(), out)}`);
    process.exitCode = errors.size > 0 ? 1 : 0;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main();
