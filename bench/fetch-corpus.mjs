// Builds the benchmark corpus in bench/.corpus/ (git-ignored) from a fixed list of npm packages that ship their
// TypeScript sources (or, for those that ship only compiled output, their readable ES-module JavaScript).
// Needs only the npm registry. Usage: npm run bench:corpus [-- --force]
//
// Layout:  bench/.corpus/tarballs/*.tgz   the packed packages (kept, so a rebuild needs no network)
//          bench/.corpus/code/<package>/  the selected files, without the src/ or dist/ prefix
//          bench/.corpus/files.txt        the selected files, one path a line, relative to code/
//          bench/.corpus/corpus.json      what was selected: per package files, lines and bytes
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CORPUS = path.join(path.dirname(fileURLToPath(import.meta.url)), '.corpus');
const TS = ['.ts', '.tsx', '.mts', '.cts'];
const JS = ['.js', '.mjs'];

/** Package, version, the folder of the package that holds the code, the extensions taken, folders left out. */
export const PACKAGES = [
  { spec: 'openai@6.49.0', from: 'src', ext: TS },
  { spec: '@anthropic-ai/sdk@1.14.0', from: 'src', ext: TS },
  { spec: 'ai@6.0.326', from: 'src', ext: TS },
  { spec: '@ai-sdk/provider-utils@4.0.66', from: 'src', ext: TS },
  { spec: '@ai-sdk/openai@3.0.141', from: 'src', ext: TS },
  { spec: '@ai-sdk/anthropic@3.0.140', from: 'src', ext: TS },
  { spec: 'zod@4.6.7', from: 'src', ext: TS },
  { spec: 'rxjs@7.8.2', from: 'src', ext: TS },
  { spec: 'mongodb@7.9.0', from: 'src', ext: TS },
  // These ship compiled ES2022 modules only (one .js per source file, not bundled); .cjs twins are left out.
  { spec: '@langchain/core@1.4.0', from: 'dist', ext: ['.js'] },
  { spec: '@langchain/community@1.1.29', from: 'dist', ext: ['.js'] },
  { spec: '@langchain/openai@1.5.8', from: 'dist', ext: ['.js'] },
  { spec: '@langchain/langgraph@1.7.3', from: 'dist', ext: ['.js'] },
  { spec: 'langchain@1.5.14', from: 'dist', ext: ['.js'] },
  { spec: '@modelcontextprotocol/sdk@1.32.2', from: 'dist/esm', ext: ['.js'] },
  { spec: 'hono@4.13.19', from: 'dist', ext: ['.js'], skip: ['cjs', 'types'] },
  { spec: '@openai/agents-core@0.20.0', from: 'dist', ext: ['.mjs'] },
];

const MAX_BYTES = 1024 * 1024; // the scanner's default limit too
const ALWAYS_SKIPPED = new Set(['node_modules', '__tests__', '__snapshots__']);

function isMinified(text) {
  const lines = text.split('\n');
  const longest = lines.reduce((max, line) => Math.max(max, line.length), 0);
  return longest > 20_000 || (longest > 1000 && text.length / lines.length > 300);
}

function isDeclaration(name) {
  return /\.d\.[cm]?ts$/.test(name);
}

function pack(spec, dir) {
  const name = spec.replace(/^@/, '').replace(/\//g, '-').replace(/@/g, '-');
  const tarball = path.join(dir, `${name}.tgz`);
  if (!existsSync(tarball)) {
    const out = execFileSync('npm', ['pack', spec, '--json', '--pack-destination', dir], { encoding: 'utf8' });
    const [{ filename }] = JSON.parse(out);
    if (path.join(dir, filename) !== tarball) execFileSync('mv', [path.join(dir, filename), tarball]);
  }
  return tarball;
}

function* walk(dir, skip) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && !skip.has(entry.name) && !ALWAYS_SKIPPED.has(entry.name)) {
      yield* walk(path.join(dir, entry.name), new Set());
    } else if (entry.isFile()) {
      yield path.join(dir, entry.name);
    }
  }
}

function build() {
  const tarballs = path.join(CORPUS, 'tarballs');
  const staging = path.join(CORPUS, 'staging');
  const code = path.join(CORPUS, 'code');
  rmSync(code, { recursive: true, force: true });
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(tarballs, { recursive: true });

  const files = [];
  const packages = [];
  for (const pkg of PACKAGES) {
    const name = pkg.spec.slice(0, pkg.spec.lastIndexOf('@'));
    const target = name.replace(/^@/, '').replace(/\//g, '__');
    const unpacked = path.join(staging, target);
    mkdirSync(unpacked, { recursive: true });
    execFileSync('tar', ['-xzf', pack(pkg.spec, tarballs), '-C', unpacked]);

    const base = path.join(unpacked, 'package', pkg.from);
    const summary = { spec: pkg.spec, from: pkg.from, files: 0, lines: 0, bytes: 0, left: { minified: 0, large: 0 } };
    for (const file of walk(base, new Set(pkg.skip ?? []))) {
      if (!pkg.ext.includes(path.extname(file)) || isDeclaration(file)) continue;
      const text = readFileSync(file, 'utf8');
      if (text.length > MAX_BYTES) { summary.left.large++; continue; }
      if (isMinified(text)) { summary.left.minified++; continue; }
      const relative = path.join(target, path.relative(base, file));
      mkdirSync(path.dirname(path.join(code, relative)), { recursive: true });
      copyFileSync(file, path.join(code, relative));
      files.push(relative.split(path.sep).join('/'));
      summary.files++;
      summary.lines += text.split('\n').length;
      summary.bytes += Buffer.byteLength(text);
    }
    packages.push(summary);
    console.log(`${pkg.spec.padEnd(36)} ${String(summary.files).padStart(5)} files ${String(summary.lines).padStart(8)} lines`
      + (summary.left.minified + summary.left.large ? `  (left out: ${summary.left.minified} minified, ${summary.left.large} > 1 MB)` : ''));
  }
  rmSync(staging, { recursive: true, force: true });

  files.sort();
  const total = packages.reduce((t, p) => ({ files: t.files + p.files, lines: t.lines + p.lines, bytes: t.bytes + p.bytes }),
    { files: 0, lines: 0, bytes: 0 });
  writeFileSync(path.join(CORPUS, 'files.txt'), `${files.join('\n')}\n`);
  writeFileSync(path.join(CORPUS, 'corpus.json'), `${JSON.stringify({ packages, total, specs: PACKAGES.map((p) => p.spec) }, null, 2)}\n`);
  console.log(`${'total'.padEnd(36)} ${String(total.files).padStart(5)} files ${String(total.lines).padStart(8)} lines, `
    + `${(total.bytes / 1024 / 1024).toFixed(1)} MB in ${path.relative(process.cwd(), code)}`);
}

function upToDate() {
  try {
    const { specs } = JSON.parse(readFileSync(path.join(CORPUS, 'corpus.json'), 'utf8'));
    return JSON.stringify(specs) === JSON.stringify(PACKAGES.map((p) => p.spec));
  } catch {
    return false;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!process.argv.includes('--force') && upToDate()) {
    console.log(`corpus up to date in ${path.relative(process.cwd(), CORPUS)} (--force to rebuild)`);
  } else {
    build();
  }
}
