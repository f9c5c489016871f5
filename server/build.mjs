// The one build script: bundles the CLI, its scan worker, the language server and the VS Code client into dist/.
// Type-checking is separate (npm run typecheck).
//   node server/build.mjs                 development bundles with source maps, into dist/
//   node server/build.mjs --production    minified (identifiers kept), no source maps (what the .vsix ships; see client/package.mjs)
// Other scripts import `buildBundles` to build into another folder.
import { build } from 'esbuild';
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const BUNDLES = [
  { entry: 'server/src/cli/main.ts', outfile: 'promptward.js', executable: true, banner: '#!/usr/bin/env node' },
  { entry: 'server/src/core/scan-worker.ts', outfile: 'scan-worker.js' },
  { entry: 'server/src/lsp/main.ts', outfile: 'server.js' },
  { entry: 'server/src/lsp/boot.ts', outfile: 'server-boot.js' },
  { entry: 'client/src/extension.ts', outfile: 'extension.js', external: ['vscode'] },
];

function size(file) {
  const bytes = statSync(file).size;
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} kB`;
}

/**
 * Builds the bundles named in `only` (output file names; default all) into `outdir` (default dist/).
 * Returns the files written.
 */
export async function buildBundles({ outdir = path.join(ROOT, 'dist'), production = false, only, log = console.log } = {}) {
  const written = [];
  for (const bundle of BUNDLES) {
    if (only && !only.includes(bundle.outfile)) continue;
    if (!existsSync(path.join(ROOT, bundle.entry))) throw new Error(`missing ${bundle.entry}`);
    const outfile = path.join(outdir, bundle.outfile);
    await build({
      absWorkingDir: ROOT,
      entryPoints: [bundle.entry],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      sourcemap: production ? false : 'linked',
      // Production bundles drop whitespace and simplify syntax but keep identifiers: the language server then starts
      // faster than fully minified (no __name wrappers, which keepNames needs; measured 355 vs 430 ms from spawn to
      // first diagnostics, cold) and stack traces in logs stay readable. The .vsix is zipped, so size barely counts.
      minifyWhitespace: production,
      minifySyntax: production,
      external: bundle.external ?? [],
      banner: bundle.banner ? { js: bundle.banner } : undefined,
      logLevel: 'warning',
    });
    if (bundle.executable) chmodSync(outfile, 0o755);
    const map = production ? '' : `  (map ${size(`${outfile}.map`)})`;
    log(`built ${path.relative(ROOT, outfile).padEnd(20)} ${size(outfile).padStart(9)}${map}`);
    written.push(outfile);
  }
  return written;
}

/**
 * Writes rules-vetted.json into `outdir`: rules/ checked by the run time's own loader (bundled for the occasion),
 * so the bundles skip parsing and validating files the build already checked (server/src/core/knowledge/vetted.ts).
 */
export async function writeVettedRules({ outdir = path.join(ROOT, 'dist'), log = console.log } = {}) {
  const temp = mkdtempSync(path.join(os.tmpdir(), 'promptward-vet-'));
  try {
    const script = path.join(temp, 'vet-rules.js');
    await build({ absWorkingDir: ROOT, entryPoints: ['server/src/core/knowledge/vet-rules.ts'], outfile: script, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
    const { vetRules } = createRequire(import.meta.url)(script);
    const { vetted, problems } = vetRules(path.join(ROOT, 'rules'));
    for (const p of problems) log(`rules-vetted.json: left out ${p}`);
    const out = path.join(outdir, 'rules-vetted.json');
    writeFileSync(out, JSON.stringify(vetted));
    log(`built ${path.relative(ROOT, out).padEnd(20)} ${size(out).padStart(9)}  (${Object.keys(vetted.entries).length} rules files)`);
    return out;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildBundles({ production: process.argv.includes('--production') });
  await writeVettedRules();
}
