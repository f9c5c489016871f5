// Entry point of dist/server-boot.js: runs the language server bundle (server.js, beside this file) through V8's
// code cache when PROMPTWARD_CODE_CACHE_DIR names a writable folder (the VS Code client passes a folder beside the
// bundle: client/src/server-process.ts).
// Compiling the bundle (7.5 MB in the .vsix) and the functions the first analysis needs is most of the server's
// start-up; with the cache, a restart or a new window skips it (measured, spawn → first diagnostics of a demo-app
// file: 355 → 195 ms). The cache is V8's own format:
// V8 checks it against its version, flags and the source, and ignores it when it does not match. Without the
// variable, or on any error with the cache, the bundle runs as it is.
import { createRequire } from 'module';
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';

/** After this long, the functions of start-up and of the first analysis have been compiled: write them out. */
const WRITE_CACHE_AFTER_MS = 15_000;

function cacheFile(dir: string, bundle: string): string {
  const stat = fs.statSync(bundle);
  // One file per bundle build and Node version; stale ones are replaced in place by name, never accumulate.
  return path.join(dir, `server-${process.version}-${process.arch}-${stat.size}-${Math.round(stat.mtimeMs)}.v8cache`);
}

function readCache(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

function writeCache(dir: string, file: string, script: vm.Script): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    for (const old of fs.readdirSync(dir)) if (/^server-.*\.v8cache$/.test(old) && path.join(dir, old) !== file) fs.rmSync(path.join(dir, old), { force: true });
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, script.createCachedData());
    fs.renameSync(temp, file); // atomic: another window reading it sees the old file or the new one
  } catch {
    // A read-only or full disk: the next start compiles again.
  }
}

function boot(): void {
  const bundle = path.join(__dirname, 'server.js');
  const dir = process.env.PROMPTWARD_CODE_CACHE_DIR;
  if (!dir) {
    require(bundle);
    return;
  }
  const file = cacheFile(dir, bundle);
  const cachedData = readCache(file);
  const source = fs.readFileSync(bundle, 'utf8');
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundle, cachedData });
  const module = { exports: {} as unknown, filename: bundle, id: bundle, loaded: false };
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeRequire, module: unknown, filename: string, dirname: string) => void;
  wrapper(module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
  module.loaded = true;
  if (cachedData && !script.cachedDataRejected) return;
  // Once the first analysis has run, or at exit if that comes first (a short session), whichever is earlier.
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    writeCache(dir, file, script);
  };
  setTimeout(write, WRITE_CACHE_AFTER_MS).unref();
  process.once('exit', write);
}

boot();
