// The one build script: bundles the CLI, and the language server and VS Code client when their sources exist,
// into dist/. Type-checking is separate (npm run typecheck). Usage: node server/build.mjs
import { build } from 'esbuild';
import { chmodSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const bundles = [
  { entry: 'server/src/cli/main.ts', outfile: 'dist/promptward.js', required: true, executable: true,
    banner: '#!/usr/bin/env node' },
  { entry: 'server/src/core/scan-worker.ts', outfile: 'dist/scan-worker.js', required: true },
  { entry: 'server/src/lsp/main.ts', outfile: 'dist/server.js' },
  { entry: 'client/src/extension.ts', outfile: 'dist/extension.js', external: ['vscode'] },
];

function size(file) {
  const bytes = statSync(path.join(root, file)).size;
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} kB`;
}

for (const bundle of bundles) {
  if (!existsSync(path.join(root, bundle.entry))) {
    if (bundle.required) throw new Error(`missing ${bundle.entry}`);
    console.log(`skipped ${bundle.outfile} (no ${bundle.entry})`);
    continue;
  }
  await build({
    absWorkingDir: root,
    entryPoints: [bundle.entry],
    outfile: bundle.outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'linked',
    external: bundle.external ?? [],
    banner: bundle.banner ? { js: bundle.banner } : undefined,
    logLevel: 'warning',
  });
  if (bundle.executable) chmodSync(path.join(root, bundle.outfile), 0o755);
  console.log(`built ${bundle.outfile.padEnd(20)} ${size(bundle.outfile).padStart(9)}  (map ${size(`${bundle.outfile}.map`)})`);
}
