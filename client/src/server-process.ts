// The language server's process: the bundled dist/server-boot.js, run by the extension host's own runtime and
// spoken to over Node IPC. The first one is started as soon as the extension's code is loaded (`prelaunchServer`),
// before VS Code calls `activate`: VS Code loads an extension's module and builds its context (storage, read over
// RPC from the window) in parallel, and on a busy start-up the context takes another 0.4–0.6 s, in which the
// server boots instead of waiting. Measured in the browser test on 2 cores: opening a file → its diagnostics
// 2.7 → 2.3 s (medians of 3).
import * as cp from 'child_process';
import * as path from 'path';

/** An unclaimed prelaunched server is stopped after this long (activation failed, or never came). */
const UNCLAIMED_MS = 60_000;

/** The flags VS Code passes to an extension host started for debugging (as vscode-languageclient detects it). */
const DEBUG_FLAG = /^--(inspect|debug)(-brk)?(=|$)/;

/**
 * Where server-boot.js keeps the V8 code cache of the server bundle: beside the bundle, since it belongs to that
 * build (an update installs a new folder and the old cache goes with the old one). Read-only installs simply run
 * without it (server/src/lsp/boot.ts).
 */
export function codeCacheDir(extensionPath: string): string {
  return path.join(extensionPath, 'dist', '.v8-cache');
}

/** Is this extension host being debugged? Then the server is started with an inspector port, and not early. */
export function debugging(): boolean {
  return process.execArgv.some((a) => DEBUG_FLAG.test(a));
}

/** Starts a server process for the extension at `extensionPath` (its stdout and stderr are pipes). */
export function spawnServer(extensionPath: string): cp.ChildProcess {
  const boot = path.join(extensionPath, 'dist', 'server-boot.js');
  return cp.fork(boot, ['--node-ipc', `--clientProcessId=${process.pid}`], {
    // ELECTRON_RUN_AS_NODE: in desktop VS Code the runtime is Electron's, which runs as plain Node with it.
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', PROMPTWARD_CODE_CACHE_DIR: codeCacheDir(extensionPath) },
    execArgv: debugging() ? ['--nolazy', '--inspect=6011'] : [],
    silent: true,
  });
}

let prelaunched: cp.ChildProcess | undefined;

/** Starts the first server process now, for `takePrelaunchedServer` to hand to the language client. */
export function prelaunchServer(extensionPath: string): void {
  if (prelaunched || debugging()) return;
  try {
    const child = spawnServer(extensionPath);
    child.on('error', () => undefined); // a failed spawn: the client starts its own and reports any error
    prelaunched = child;
    setTimeout(() => {
      if (prelaunched !== child) return;
      prelaunched = undefined;
      child.kill();
    }, UNCLAIMED_MS).unref();
  } catch {
    prelaunched = undefined;
  }
}

/** The prelaunched server if it is still running (once: later starts spawn their own). */
export function takePrelaunchedServer(): cp.ChildProcess | undefined {
  const child = prelaunched;
  prelaunched = undefined;
  return child && child.pid !== undefined && alive(child) ? child : undefined;
}

/** Is the process still running? */
export function alive(child: cp.ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}
