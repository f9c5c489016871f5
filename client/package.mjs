// `npm run package`: builds promptward-<version>.vsix with @vscode/vsce, offline. The extension is staged in a
// temporary folder (package.json, README, CHANGELOG, LICENSE, rules/, docs/, media/ and production bundles of
// the client and server), so the repository's dist/ is never touched; .vscodeignore decides what goes in.
//   node client/package.mjs [--out FILE]     default: ./promptward-<version>.vsix
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, buildBundles, writeVettedRules } from '../server/build.mjs';

const MAX_BYTES = 10 * 1024 * 1024;

const args = process.argv.slice(2);
const outArg = args.indexOf('--out');
const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const out = path.resolve(outArg >= 0 ? args[outArg + 1] : path.join(ROOT, `promptward-${version}.vsix`));

const stage = mkdtempSync(path.join(os.tmpdir(), 'promptward-vsix-'));
try {
  for (const item of ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', '.vscodeignore', 'rules', 'docs', 'media']) {
    cpSync(path.join(ROOT, item), path.join(stage, item), { recursive: true });
  }
  await buildBundles({ outdir: path.join(stage, 'dist'), production: true, only: ['extension.js', 'server.js', 'server-boot.js'] });
  await writeVettedRules({ outdir: path.join(stage, 'dist') });
  const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out], { cwd: stage, stdio: 'inherit' });
  const bytes = statSync(out).size;
  console.log(`${path.relative(process.cwd(), out) || out}: ${(bytes / 1024 / 1024).toFixed(2)} MB`);
  if (bytes > MAX_BYTES) {
    console.error(`the .vsix is larger than ${MAX_BYTES / 1024 / 1024} MB`);
    process.exitCode = 1;
  }
} finally {
  rmSync(stage, { recursive: true, force: true });
}
