/**
 * Offline real-editor test harness: VS Code 1.100.3 as code-server 4.100.3, driven by Debian's chromium through
 * playwright-core. Two ways to test an extension with it:
 *
 *  - extension-host tests (`runExtensionHostTests`): the `@vscode/test-electron` style. The workbench loads the
 *    extension from `extensionDevelopmentPath`, runs `require(extensionTestsPath).run()` in the extension host and
 *    reports the exit code through `window.codeAutomationExit`;
 *  - browser-driven tests: `startCodeServer` + `launchBrowser` + `openWorkbench(page, workbenchUrl(...))`, then the
 *    DOM helpers below (open a file, Problems panel rows, hover a squiggle, quick-fix menu, screenshots).
 *
 * Install code-server first with `.ci/install-code-server.sh` (cached in ~/.cache/promptward). Every process this
 * module starts runs in its own process group and is killed as a group on `stop()`/`close()`, and also when the
 * test process exits or is interrupted, so a throwing test leaks nothing.
 *
 * Only node built-ins and playwright-core are used; nothing here knows about Promptward.
 * Background and measured numbers: ../shared/guide/testing-in-a-real-editor.md (the workplace's shared references).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

// ---------------------------------------------------------------------------------------------------------------
// Locations and prerequisites
// ---------------------------------------------------------------------------------------------------------------

/** The code-server version the harness is written and measured against (VS Code 1.100.3, Node 20). */
export const CODE_SERVER_VERSION = '4.100.3';

/** What to run when code-server is missing. */
export const INSTALL_HINT = 'run .ci/install-code-server.sh';

/** Written by .ci/install-code-server.sh once an install has completed (a partial install has no marker). */
const INSTALL_MARKER = '.promptward-install-complete';

/** The folder code-server is (or will be) installed in: `$PROMPTWARD_CODE_SERVER_DIR`, else the per-user cache. */
export function codeServerDir(): string {
  const fromEnv = process.env.PROMPTWARD_CODE_SERVER_DIR;
  if (fromEnv) return path.resolve(fromEnv);
  return path.join(os.homedir(), '.cache', 'promptward', `code-server-${CODE_SERVER_VERSION}`);
}

/** The code-server executable when a complete install exists in `codeServerDir()`, otherwise `undefined`. */
export function codeServerBinary(): string | undefined {
  const dir = codeServerDir();
  const bin = path.join(dir, 'node_modules', '.bin', 'code-server');
  return isExecutable(bin) && fs.existsSync(path.join(dir, INSTALL_MARKER)) ? bin : undefined;
}

/** The chromium executable (`$PROMPTWARD_CHROMIUM`, else Debian's /usr/bin/chromium) when it exists. */
export function chromiumExecutable(): string | undefined {
  const candidate = process.env.PROMPTWARD_CHROMIUM || '/usr/bin/chromium';
  return isExecutable(candidate) ? candidate : undefined;
}

/**
 * Why the real-editor tests cannot run here, one message per missing piece; empty when everything is present.
 * Tests use it to skip with a clear reason: `const missing = missingPrerequisites(); if (missing.length) t.skip(...)`.
 */
export function missingPrerequisites(opts: { browser?: boolean } = {}): string[] {
  const missing: string[] = [];
  if (process.platform !== 'linux') missing.push(`the real-editor harness runs on Linux only (this is ${process.platform})`);
  if (!codeServerBinary()) {
    missing.push(`code-server ${CODE_SERVER_VERSION} not installed in ${codeServerDir()}: ${INSTALL_HINT}`);
  }
  if (opts.browser !== false && !chromiumExecutable()) {
    missing.push(
      `chromium not found at ${process.env.PROMPTWARD_CHROMIUM || '/usr/bin/chromium'}: install the Debian package chromium (${INSTALL_HINT})`,
    );
  }
  return missing;
}

function requireCodeServerBinary(): string {
  const bin = codeServerBinary();
  if (!bin) throw new Error(`code-server ${CODE_SERVER_VERSION} not installed in ${codeServerDir()}: ${INSTALL_HINT}`);
  return bin;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Polling and process groups
// ---------------------------------------------------------------------------------------------------------------

/** Resolves after `ms` milliseconds. Used only as the interval of polling loops, never to wait for a condition. */
function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Calls `probe` every `intervalMs` until it returns something other than `undefined`/`false`/`null`, and returns
 * that. Throws `Timed out after N ms waiting for <what>` at the deadline (with the last probe error, if any).
 */
export async function poll<T>(
  what: string,
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  opts: { timeoutMs: number; intervalMs?: number },
): Promise<T> {
  const deadline = Date.now() + opts.timeoutMs;
  const interval = opts.intervalMs ?? 100;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== null && value !== false) return value;
      lastError = undefined;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() >= deadline) {
      const cause = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`Timed out after ${opts.timeoutMs} ms waiting for ${what}${cause}`);
    }
    await delay(Math.min(interval, Math.max(0, deadline - Date.now())));
  }
}

/** How long other signal listeners get before the process exits on SIGINT/SIGTERM/SIGHUP. */
const SIGNAL_EXIT_GRACE_MS = 3_000;

/** Process groups started by this module and not yet stopped; killed on exit/interrupt as a last resort. */
const liveGroups = new Set<number>();
/** Temporary folders created by this module and not yet deleted; deleted on exit as a last resort. */
const liveTempDirs = new Set<string>();
let exitHooksInstalled = false;

/**
 * Last-resort cleanup when a test forgets `stop()`/`close()` or the process is interrupted: on exit, SIGKILL the
 * process groups and delete the temporary folders; on SIGINT/SIGTERM/SIGHUP, SIGKILL the groups at once, then
 * terminate as the signal asks. When other listeners exist (playwright-core listens while a browser is open: it closes
 * the browser, but swallows SIGTERM, which would leave a test runner's SIGTERM unanswered), they get
 * `SIGNAL_EXIT_GRACE_MS` to finish before the process exits with 128 + the signal number.
 */
function installExitHooks(): void {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  process.on('exit', () => {
    killAllGroupsNow();
    for (const dir of liveTempDirs) {
      try {
        fs.rmSync(dir, { recursive: true, force: true });
      } catch {
        // best effort
      }
    }
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = (): void => {
      killAllGroupsNow();
      if (process.listenerCount(signal) === 1) {
        process.removeListener(signal, onSignal);
        process.kill(process.pid, signal);
      } else {
        setTimeout(() => process.exit(128 + (os.constants.signals[signal] ?? 0)), SIGNAL_EXIT_GRACE_MS);
      }
    };
    process.on(signal, onSignal);
  }
}

/** A new temporary folder `<os.tmpdir()>/<prefix>XXXXXX`, deleted at exit unless released with `removeTempDir`. */
async function makeTempDir(prefix: string): Promise<string> {
  installExitHooks();
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), prefix));
  liveTempDirs.add(dir);
  return dir;
}

async function removeTempDir(dir: string, keep = false): Promise<void> {
  liveTempDirs.delete(dir);
  if (!keep) await fsp.rm(dir, { recursive: true, force: true }).catch(() => undefined);
}

/**
 * Copies a fixture folder to a new temporary folder and returns its path, so that a test can edit files (apply
 * quick fixes, save) without touching the original. The copy is deleted when the process exits.
 */
export async function tempCopy(folder: string): Promise<string> {
  const src = path.resolve(folder);
  if (!fs.existsSync(src)) throw new Error(`tempCopy: ${src} does not exist`);
  const dir = await makeTempDir('promptward-ws-');
  const dest = path.join(dir, path.basename(src));
  await fsp.cp(src, dest, { recursive: true });
  return dest;
}

function killAllGroupsNow(): void {
  for (const pgid of liveGroups) signalGroup(pgid, 'SIGKILL');
  liveGroups.clear();
}

function signalGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Pids of the group's members that are not zombies. Reads /proc so that zombies left to a non-reaping PID 1 (common
 * in containers) do not count as alive; falls back to `kill(-pgid, 0)` elsewhere.
 */
function liveGroupMembers(pgid: number): number[] {
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return signalGroup(pgid, 0) ? [pgid] : [];
  }
  const members: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // "pid (comm) state ppid pgrp ..."; comm may contain spaces and parentheses, so split after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) === pgid && fields[0] !== 'Z') members.push(Number(entry));
  }
  return members;
}

/** SIGTERM the whole group, wait up to `graceMs` for it to empty, then SIGKILL and wait again. */
async function killProcessGroup(pgid: number, graceMs = 5_000): Promise<void> {
  if (liveGroupMembers(pgid).length > 0) {
    signalGroup(pgid, 'SIGTERM');
    try {
      await poll(`process group ${pgid} to exit after SIGTERM`, () => liveGroupMembers(pgid).length === 0, {
        timeoutMs: graceMs,
        intervalMs: 50,
      });
    } catch {
      signalGroup(pgid, 'SIGKILL');
      await poll(`process group ${pgid} to exit after SIGKILL`, () => liveGroupMembers(pgid).length === 0, {
        timeoutMs: 5_000,
        intervalMs: 50,
      }).catch(() => undefined);
    }
  }
  liveGroups.delete(pgid);
}

/** Environment for code-server: no inherited VS Code/code-server variables, XDG dirs inside `scratch`. */
function codeServerEnv(scratch: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    // VSCODE_IPC_HOOK_CLI & co. (set in a VS Code terminal) make code-server talk to that editor instead;
    // PORT overrides --bind-addr; PASSWORD/HASHED_PASSWORD are irrelevant with --auth none.
    if (/^(VSCODE_|ELECTRON_)/.test(key) || key === 'PORT' || key === 'PASSWORD' || key === 'HASHED_PASSWORD') continue;
    env[key] = value;
  }
  // code-server writes ~/.config/code-server/config.yaml and ~/.local/share/code-server otherwise.
  env.XDG_CONFIG_HOME = path.join(scratch, 'xdg-config');
  env.XDG_DATA_HOME = path.join(scratch, 'xdg-data');
  // No extension gallery (code-server defaults to open-vsx.org): offline, its queries only fail and log errors.
  env.EXTENSIONS_GALLERY = '{}';
  return { ...env, ...extra };
}

/** Runs a command in its own process group, collecting its output; kills the group at the deadline. */
async function runInOwnGroup(
  command: string,
  args: string[],
  opts: { env: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<{ code: number | null; output: string }> {
  installExitHooks();
  const child = spawn(command, args, { env: opts.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks: string[] = [];
  child.stdout?.on('data', (d: Buffer) => chunks.push(d.toString()));
  child.stderr?.on('data', (d: Buffer) => chunks.push(d.toString()));
  if (child.pid !== undefined) liveGroups.add(child.pid);
  let timer: NodeJS.Timeout | undefined;
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (exitCode) => resolve(exitCode));
      timer = setTimeout(
        () => reject(new Error(`${path.basename(command)} ${args.join(' ')} timed out after ${opts.timeoutMs} ms`)),
        opts.timeoutMs,
      );
    });
    return { code, output: chunks.join('') };
  } finally {
    if (timer) clearTimeout(timer);
    if (child.pid !== undefined) await killProcessGroup(child.pid, 1_000);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// code-server
// ---------------------------------------------------------------------------------------------------------------

/**
 * Settings that keep the editor quiet and deterministic (no start page, telemetry, updates, trust prompts, restored
 * windows, hot exit or auto-save). `startCodeServer` writes them to `<userDataDir>/User/settings.json`, merged with its
 * `settings` option (which wins).
 */
export const QUIET_SETTINGS: Readonly<Record<string, unknown>> = Object.freeze({
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'files.hotExit': 'off',
  'window.restoreWindows': 'none',
  // VS Code in the browser auto-saves after 1 s by default (desktop: off), and refactorings save the files they
  // change: both off, so that edits and quick fixes leave the fixtures on disk untouched (save with Control+S).
  'files.autoSave': 'off',
  'files.refactoring.autoSave': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  // Fewer background processes on a 2-core machine; pass `'git.enabled': true` to undo.
  'git.enabled': false,
});

/** Profile folders of a code-server instance: settings/state/logs, and installed extensions. */
export interface CodeServerDirs {
  userDataDir: string;
  extensionsDir: string;
}

/** One log file under `<userDataDir>/logs`. */
export interface LogFile {
  /** Path relative to `<userDataDir>/logs`, e.g. `20250101T000000/exthost1/remoteexthost.log`. */
  relativePath: string;
  text: string;
}

/** A running code-server. Always `stop()` it (in a `finally`). */
export interface CodeServer extends CodeServerDirs {
  /** The port it listens on (127.0.0.1). */
  readonly port: number;
  /** `127.0.0.1:<port>`: the authority of `vscode-remote://` URIs for this server. */
  readonly authority: string;
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** Pid of the code-server process, which is also the id of its process group. */
  readonly pid: number;
  /** Resolves with the exit code when the code-server process exits (for whatever reason). */
  readonly exited: Promise<number | null>;
  /** Everything code-server printed on stdout and stderr so far. */
  logText(): string;
  /** `<userDataDir>/logs`: VS Code's server, extension host and output-channel logs (LSP traces land here). */
  logsDir(): string;
  /** The `.log` files under `logsDir()`, optionally only those whose relative path matches `filter`. */
  readLogs(filter?: RegExp): LogFile[];
  /**
   * Copies `logsDir()` and code-server's own output (`code-server.log`) into `destDir`, to attach to a failure.
   * Returns `destDir`.
   */
  saveLogs(destDir: string): string;
  /**
   * Kills the whole process group (code-server, extension hosts, language servers) and waits for it to empty, then
   * deletes the temporary folders this instance created (not those passed in as options). Idempotent.
   */
  stop(): Promise<void>;
}

export interface StartCodeServerOptions {
  /** Settings/state folder; a fresh temporary one (deleted by `stop()`) when omitted. */
  userDataDir?: string;
  /** Installed-extensions folder; a fresh temporary one (deleted by `stop()`) when omitted. */
  extensionsDir?: string;
  /**
   * Merged over `QUIET_SETTINGS` into `<userDataDir>/User/settings.json` (the file is overwritten). With
   * `'security.workspace.trust.enabled': true` workspace trust is on (code-server then runs without
   * `--disable-workspace-trust`, which would override the setting); add `'security.workspace.trust.startupPrompt':
   * 'never'` for an untrusted workspace without a prompt.
   */
  settings?: Record<string, unknown>;
  /** `.vsix` files to install into `extensionsDir` before the server starts. */
  extensions?: string[];
  /** Extra environment for code-server and so for the extension host and everything it spawns. */
  env?: NodeJS.ProcessEnv;
  /** Deadline for the server to answer /healthz; default 60 s. */
  startTimeoutMs?: number;
  /** Keep the temporary folders after `stop()` (their paths are on the returned object). Default false. */
  keepFiles?: boolean;
}

/** Upper bound on the code-server output kept in memory. */
const MAX_LOG_CHARS = 4 * 1024 * 1024;

/**
 * Starts code-server on a free 127.0.0.1 port (`--bind-addr 127.0.0.1:0`, the port read back from its output, so
 * no race for the port), with `--auth none`, telemetry, update checks, the extension gallery and (unless the
 * settings turn it on) workspace trust disabled, in its own process group, and waits (polling, with a deadline)
 * until `/healthz` answers.
 */
export async function startCodeServer(opts: StartCodeServerOptions = {}): Promise<CodeServer> {
  const bin = requireCodeServerBinary();
  installExitHooks();
  const scratch = await makeTempDir('promptward-cs-');
  const userDataDir = path.resolve(opts.userDataDir ?? path.join(scratch, 'user-data'));
  const extensionsDir = path.resolve(opts.extensionsDir ?? path.join(scratch, 'extensions'));
  const startTimeoutMs = opts.startTimeoutMs ?? 60_000;
  const configFile = path.join(scratch, 'config.yaml');
  const env = codeServerEnv(scratch, opts.env);

  let child: ChildProcess | undefined;
  const output: string[] = [];
  let outputChars = 0;
  const logText = (): string => output.join('');
  const removeScratch = (): Promise<void> => removeTempDir(scratch, opts.keepFiles);

  try {
    await fsp.mkdir(path.join(userDataDir, 'User'), { recursive: true });
    await fsp.mkdir(extensionsDir, { recursive: true });
    await fsp.mkdir(env.XDG_CONFIG_HOME as string, { recursive: true });
    await fsp.mkdir(env.XDG_DATA_HOME as string, { recursive: true });
    // An explicit config file: code-server would otherwise create ~/.config/code-server/config.yaml with a password.
    await fsp.writeFile(configFile, 'auth: none\ncert: false\n');
    const settings = { ...QUIET_SETTINGS, ...(opts.settings ?? {}) };
    await fsp.writeFile(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2) + '\n');
    for (const vsix of opts.extensions ?? []) await installExtension({ userDataDir, extensionsDir }, vsix);

    const args = [
      '--config', configFile,
      '--bind-addr', '127.0.0.1:0',
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      // --disable-workspace-trust overrides the setting, so it is left out when the settings turn trust on.
      ...(settings['security.workspace.trust.enabled'] === true ? [] : ['--disable-workspace-trust']),
      '--disable-getting-started-override',
      '--user-data-dir', userDataDir,
      '--extensions-dir', extensionsDir,
    ];
    // detached: the child calls setsid(), so it leads a new process group that stop() can kill as a whole.
    child = spawn(bin, args, { env, cwd: scratch, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const proc = child;
    if (proc.pid === undefined) {
      const spawnError = await new Promise<Error>((resolve) => proc.once('error', resolve));
      throw new Error(`could not start ${bin}: ${spawnError.message}`);
    }
    const pid = proc.pid;
    liveGroups.add(pid);
    const collect = (data: Buffer): void => {
      if (outputChars > MAX_LOG_CHARS) return;
      const text = data.toString();
      output.push(text);
      outputChars += text.length;
      if (outputChars > MAX_LOG_CHARS) output.push(`\n[harness] output truncated after ${MAX_LOG_CHARS} characters\n`);
    };
    proc.stdout?.on('data', collect);
    proc.stderr?.on('data', collect);
    proc.on('error', (err) => output.push(`\n[harness] ${err.message}\n`));
    let exitCode: number | null | undefined;
    const exited = new Promise<number | null>((resolve) => {
      proc.once('exit', (code, signal) => {
        exitCode = code;
        if (signal) output.push(`\n[harness] code-server exited on ${signal}\n`);
        resolve(code);
      });
    });

    const port = await poll(
      'code-server to print "HTTP server listening on ..."',
      () => {
        if (exitCode !== undefined) throw new Error(`code-server exited with code ${exitCode}`);
        const m = /HTTP server listening on https?:\/\/[^\s/]*:(\d+)/.exec(logText());
        return m ? Number(m[1]) : undefined;
      },
      { timeoutMs: startTimeoutMs, intervalMs: 50 },
    );
    const url = `http://127.0.0.1:${port}`;
    await poll(
      `${url}/healthz`,
      async () => {
        if (exitCode !== undefined) throw new Error(`code-server exited with code ${exitCode}`);
        return (await httpStatus(`${url}/healthz`)) === 200;
      },
      { timeoutMs: startTimeoutMs, intervalMs: 100 },
    );

    let stopping: Promise<void> | undefined;
    const server: CodeServer = {
      port,
      authority: `127.0.0.1:${port}`,
      url,
      pid,
      exited,
      userDataDir,
      extensionsDir,
      logText,
      logsDir: () => path.join(userDataDir, 'logs'),
      readLogs: (filter) => readLogFiles(path.join(userDataDir, 'logs'), filter),
      saveLogs: (destDir) => {
        fs.mkdirSync(destDir, { recursive: true });
        const logs = path.join(userDataDir, 'logs');
        if (fs.existsSync(logs)) fs.cpSync(logs, path.join(destDir, 'vscode-logs'), { recursive: true });
        fs.writeFileSync(path.join(destDir, 'code-server.log'), logText());
        return destDir;
      },
      stop: () => {
        stopping ??= (async () => {
          await killProcessGroup(pid);
          proc.stdout?.destroy();
          proc.stderr?.destroy();
          await removeScratch();
        })();
        return stopping;
      },
    };
    return server;
  } catch (err) {
    if (child?.pid !== undefined) await killProcessGroup(child.pid);
    const tail = logText().split('\n').slice(-30).join('\n');
    await removeScratch();
    const message = err instanceof Error ? err.message : String(err);
    throw new Error(`code-server did not start: ${message}${tail.trim() ? `\n--- code-server output ---\n${tail}` : ''}`);
  }
}

/** HTTP status of a GET, or undefined when the connection fails. */
function httpStatus(url: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 2_000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(undefined));
  });
}

function readLogFiles(root: string, filter?: RegExp): LogFile[] {
  const files: LogFile[] = [];
  const walk = (dir: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.endsWith('.log')) {
        const relativePath = path.relative(root, full);
        if (filter && !filter.test(relativePath)) continue;
        try {
          files.push({ relativePath, text: fs.readFileSync(full, 'utf8') });
        } catch {
          // rotated away meanwhile
        }
      }
    }
  };
  walk(root);
  return files;
}

/**
 * Installs a `.vsix` with `code-server --install-extension <vsix> --force` into the given profile folders (a
 * `CodeServer` works too, but a running workbench only notices new extensions after a reload: prefer installing
 * before `startCodeServer`, or use its `extensions` option). Returns code-server's output; throws with that output
 * when the install fails.
 */
export async function installExtension(
  target: CodeServerDirs,
  vsixPath: string,
  opts: { timeoutMs?: number } = {},
): Promise<string> {
  const bin = requireCodeServerBinary();
  const vsix = path.resolve(vsixPath);
  if (!fs.existsSync(vsix)) throw new Error(`installExtension: no such file ${vsix}`);
  const scratch = await makeTempDir('promptward-cs-install-');
  try {
    await fsp.mkdir(target.userDataDir, { recursive: true });
    await fsp.mkdir(target.extensionsDir, { recursive: true });
    const { code, output } = await runInOwnGroup(
      bin,
      ['--user-data-dir', target.userDataDir, '--extensions-dir', target.extensionsDir, '--install-extension', vsix, '--force'],
      { env: codeServerEnv(scratch), timeoutMs: opts.timeoutMs ?? 120_000 },
    );
    if (code !== 0 || !/successfully installed/i.test(output)) {
      throw new Error(`code-server --install-extension ${vsix} failed (exit code ${code}):\n${output.trim()}`);
    }
    return output;
  } finally {
    await removeTempDir(scratch);
  }
}

/** `vscode-remote://127.0.0.1:<port>/<absolute path>`: how the workbench names a file on this server. */
export function remoteUri(server: Pick<CodeServer, 'authority'>, fsPath: string): string {
  const encoded = path
    .resolve(fsPath)
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
  return `vscode-remote://${server.authority}${encoded}`;
}

/**
 * The workbench URL that opens `folder`, optionally loading an extension from source
 * (`extensionDevelopmentPath`, a folder with package.json) and running its extension-host tests
 * (`extensionTestsPath`, a module exporting `run(): Promise<void>`):
 * `http://127.0.0.1:<port>/?folder=<abs path>&payload=[["extensionDevelopmentPath","vscode-remote://..."],...]`.
 */
export function workbenchUrl(
  server: Pick<CodeServer, 'url' | 'authority'>,
  folder: string,
  opts: { extensionDevelopmentPath?: string; extensionTestsPath?: string } = {},
): string {
  const params = new URLSearchParams();
  params.set('folder', path.resolve(folder));
  const payload: [string, string][] = [];
  if (opts.extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remoteUri(server, opts.extensionDevelopmentPath)]);
  if (opts.extensionTestsPath) payload.push(['extensionTestsPath', remoteUri(server, opts.extensionTestsPath)]);
  if (payload.length > 0) params.set('payload', JSON.stringify(payload));
  return `${server.url}/?${params.toString()}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Browser
// ---------------------------------------------------------------------------------------------------------------

/** Exactly the flags tested with Debian's chromium (guide): headless, no sandbox (root), no GPU, no network extras. */
export const CHROMIUM_ARGS: readonly string[] = Object.freeze([
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]);

/** A headless chromium with a fresh temporary profile. Always `close()` it (in a `finally`). */
export interface BrowserSession {
  context: BrowserContext;
  /** The first tab. */
  page: Page;
  /** The temporary profile folder (deleted by `close()`). */
  profileDir: string;
  /** Closes chromium (killing it if it does not close in time) and deletes the profile. Idempotent. */
  close(): Promise<void>;
}

/**
 * Launches Debian's chromium through playwright-core (`launchPersistentContext` on a fresh temporary profile, with
 * `CHROMIUM_ARGS`). The default timeout of page actions is `actionTimeoutMs` (30 s).
 */
export async function launchBrowser(
  opts: { viewport?: { width: number; height: number }; actionTimeoutMs?: number; launchTimeoutMs?: number } = {},
): Promise<BrowserSession> {
  const executablePath = chromiumExecutable();
  if (!executablePath) {
    throw new Error(
      `chromium not found at ${process.env.PROMPTWARD_CHROMIUM || '/usr/bin/chromium'}: install the Debian package chromium (${INSTALL_HINT})`,
    );
  }
  const profileDir = await makeTempDir('promptward-chromium-');
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath,
      headless: true,
      args: [...CHROMIUM_ARGS],
      viewport: opts.viewport ?? { width: 1400, height: 900 },
      timeout: opts.launchTimeoutMs ?? 60_000,
    });
  } catch (err) {
    killProcessesUsing(profileDir);
    await removeTempDir(profileDir);
    throw new Error(`could not launch ${executablePath}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(opts.actionTimeoutMs ?? 30_000);
  let closing: Promise<void> | undefined;
  return {
    context,
    page,
    profileDir,
    close: () => {
      closing ??= (async () => {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          context.close().catch(() => undefined),
          new Promise<void>((resolve) => (timer = setTimeout(resolve, 15_000))),
        ]);
        if (timer) clearTimeout(timer);
        // playwright kills chromium on close; this only catches a browser that hung while closing.
        killProcessesUsing(profileDir);
        await removeTempDir(profileDir);
      })();
      return closing;
    },
  };
}

/** SIGKILLs the processes whose command line mentions `marker` (a unique temporary path). */
function killProcessesUsing(marker: string): void {
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmdline.includes(marker)) process.kill(Number(entry), 'SIGKILL');
    } catch {
      // gone, or not ours
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Extension-host tests
// ---------------------------------------------------------------------------------------------------------------

export interface ExtensionHostTestOptions {
  /** The workspace folder to open. */
  folder: string;
  /** The extension under test: a folder with its package.json (loaded from source, not installed). */
  extensionDevelopmentPath: string;
  /** A module exporting `run(): Promise<void>` (or `run(testsRoot, callback)`), loaded in the extension host. */
  extensionTestsPath: string;
  /** Deadline for the whole run, server start included; default 120 s. */
  timeoutMs?: number;
  /** Merged over `QUIET_SETTINGS`. */
  settings?: Record<string, unknown>;
  /** `.vsix` files to install first (e.g. dependencies of the extension under test). */
  extensions?: string[];
  /** Extra environment for code-server and the extension host (the tests read it through `process.env`). */
  env?: NodeJS.ProcessEnv;
  /**
   * Where the screenshot and logs of a failed run go; a new temporary folder when omitted. Nothing is written there
   * when the run passes.
   */
  artifactsDir?: string;
  /** File-name prefix of the artifacts; default `extension-host-tests`. */
  name?: string;
  /** Called with each line as it arrives (e.g. `console.log` to stream the tests' output). */
  onLog?: (line: string) => void;
}

/** A workbench (browser-side) log file, as `codeAutomationExit` passes them. */
interface WorkbenchLogFile {
  relativePath: string;
  contents: string;
}

export interface ExtensionHostTestResult {
  /** The exit code the tests reported (0 = passed); 1 when the run timed out or crashed before reporting one. */
  exitCode: number;
  /** What the extension host and workbench logged during the run (`[level] message`), including test output. */
  log: string[];
  /** Why there is no reported exit code (timeout, crash, startup failure); undefined when the tests reported one. */
  error?: string;
  /** Screenshot of the workbench when the run failed. */
  screenshot?: string;
  /** Folder with the server, extension-host, output-channel and workbench logs when the run failed. */
  logsDir?: string;
  durationMs: number;
}

/**
 * Runs extension-host tests the way `@vscode/test-electron` does, in code-server + chromium: starts a server, opens
 * `workbenchUrl(folder, { extensionDevelopmentPath, extensionTestsPath })`, receives the host's log through
 * `window.codeAutomationLog` and the result through `window.codeAutomationExit`, and waits for it with a deadline.
 * On failure or timeout it saves a screenshot and the logs (see the result). Processes are always cleaned up.
 */
export async function runExtensionHostTests(opts: ExtensionHostTestOptions): Promise<ExtensionHostTestResult> {
  const started = Date.now();
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const deadline = started + timeoutMs;
  const remaining = (): number => Math.max(1_000, deadline - Date.now());
  const name = opts.name ?? 'extension-host-tests';
  const log: string[] = [];
  const browserConsole: string[] = [];
  const push = (line: string): void => {
    log.push(line);
    opts.onLog?.(line);
  };
  for (const [what, p] of [
    ['folder', opts.folder],
    ['extensionDevelopmentPath', opts.extensionDevelopmentPath],
    ['extensionTestsPath', opts.extensionTestsPath],
  ] as const) {
    if (!fs.existsSync(p)) throw new Error(`runExtensionHostTests: ${what} ${p} does not exist`);
  }

  let server: CodeServer | undefined;
  let browser: BrowserSession | undefined;
  let exitCode: number | undefined;
  let error: string | undefined;
  let workbenchLogs: WorkbenchLogFile[] = [];
  let screenshot: string | undefined;
  let logsDir: string | undefined;
  try {
    try {
      server = await startCodeServer({
        settings: opts.settings,
        extensions: opts.extensions,
        env: opts.env,
        startTimeoutMs: Math.min(60_000, remaining()),
      });
      browser = await launchBrowser();
      const { page } = browser;
      let report: (code: number) => void = () => undefined;
      const reported = new Promise<number>((resolve) => (report = resolve));
      await page.exposeFunction('codeAutomationExit', (code: unknown, logs?: unknown) => {
        if (Array.isArray(logs)) workbenchLogs = logs as WorkbenchLogFile[];
        report(typeof code === 'number' ? code : 1);
      });
      await page.exposeFunction('codeAutomationLog', (level: string, message: string) => push(`[${level}] ${message}`));
      page.on('console', (msg) => browserConsole.push(`[${msg.type()}] ${msg.text()}`));
      page.on('pageerror', (err) => browserConsole.push(`[pageerror] ${err.stack ?? err.message}`));
      const crashed = new Promise<never>((_, reject) => {
        page.once('crash', () => reject(new Error('the workbench page crashed')));
        page.once('close', () => reject(new Error('the workbench page closed before the tests reported an exit code')));
        void server?.exited.then((code) => reject(new Error(`code-server exited (code ${code}) during the tests`)));
      });
      crashed.catch(() => undefined);
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`timed out after ${timeoutMs} ms waiting for the extension-host tests to report an exit code`)),
          remaining(),
        );
      });
      timedOut.catch(() => undefined);
      try {
        const url = workbenchUrl(server, opts.folder, {
          extensionDevelopmentPath: opts.extensionDevelopmentPath,
          extensionTestsPath: opts.extensionTestsPath,
        });
        await Promise.race([page.goto(url, { waitUntil: 'domcontentloaded', timeout: remaining() }), crashed, timedOut]);
        exitCode = await Promise.race([reported, crashed, timedOut]);
      } finally {
        if (timer) clearTimeout(timer);
      }
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
      push(`[harness] ${error}`);
    }

    if (exitCode !== 0) {
      try {
        ({ screenshot, logsDir } = await saveFailureArtifacts({
          dir: opts.artifactsDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'promptward-artifacts-')),
          name,
          page: browser?.page,
          server,
          files: {
            'test-log.txt': log.join('\n') + '\n',
            'browser-console.txt': browserConsole.join('\n') + '\n',
          },
          workbenchLogs,
        }));
      } catch (err) {
        push(`[harness] could not save the failure artifacts: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  } finally {
    await browser?.close();
    await server?.stop();
  }
  return { exitCode: exitCode ?? 1, log, error, screenshot, logsDir, durationMs: Date.now() - started };
}

/** Screenshot of `page` as `<dir>/<name>.png`, and server, workbench and given logs under `<dir>/<name>-logs/`. */
async function saveFailureArtifacts(a: {
  dir: string;
  name: string;
  page?: Page;
  server?: CodeServer;
  files: Record<string, string>;
  workbenchLogs: WorkbenchLogFile[];
}): Promise<{ screenshot?: string; logsDir: string }> {
  fs.mkdirSync(a.dir, { recursive: true });
  let screenshot: string | undefined;
  if (a.page && !a.page.isClosed()) {
    const file = path.join(a.dir, `${a.name}.png`);
    screenshot = await a.page
      .screenshot({ path: file, timeout: 10_000 })
      .then(() => file)
      .catch(() => undefined);
  }
  const logsDir = path.join(a.dir, `${a.name}-logs`);
  if (a.server) a.server.saveLogs(logsDir);
  else fs.mkdirSync(logsDir, { recursive: true });
  for (const [file, text] of Object.entries(a.files)) fs.writeFileSync(path.join(logsDir, file), text);
  for (const file of a.workbenchLogs) {
    if (typeof file?.relativePath !== 'string' || typeof file.contents !== 'string') continue;
    const relative = path.normalize(file.relativePath).replace(/^([/\\]|\.\.[/\\])+/, '');
    const dest = path.join(logsDir, 'workbench-logs', relative);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.writeFileSync(dest, file.contents);
  }
  return { screenshot, logsDir };
}

// ---------------------------------------------------------------------------------------------------------------
// Browser-driven helpers (DOM hooks that hold in VS Code 1.100)
// ---------------------------------------------------------------------------------------------------------------

/** Waits until `selector` matches a visible element (or the given state) and returns the first match. */
export async function waitFor(
  page: Page,
  selector: string,
  timeoutMs = 30_000,
  state: 'visible' | 'attached' | 'hidden' | 'detached' = 'visible',
): Promise<Locator> {
  const locator = page.locator(selector).first();
  try {
    await locator.waitFor({ state, timeout: timeoutMs });
  } catch {
    throw new Error(`Timed out after ${timeoutMs} ms waiting for ${selector} to be ${state}`);
  }
  return locator;
}

/** Loads a workbench URL (see `workbenchUrl`) and waits for the workbench and its explorer to be on screen. */
export async function openWorkbench(page: Page, url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
  await waitFor(page, '.monaco-workbench', Math.max(1_000, deadline - Date.now()));
  await waitFor(page, '.explorer-folders-view .monaco-list-row', Math.max(1_000, deadline - Date.now()));
}

/** Opens a workspace file by name through Quick Open (Ctrl+P) and waits for its editor tab to be active. */
export async function openFile(page: Page, fileName: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const left = (): number => Math.max(1_000, deadline - Date.now());
  const base = path.basename(fileName);
  await page.locator('.monaco-workbench').first().focus().catch(() => undefined);
  await page.keyboard.press('Control+P');
  const input = await waitFor(page, '.quick-input-widget .quick-input-box input', left());
  await input.fill(fileName);
  // Quick Open searches asynchronously (ripgrep on the server): wait for a result naming the file.
  await poll(
    `a Quick Open result for ${fileName}`,
    async () => {
      const labels = await attributeOfAll(page.locator('.quick-input-widget .quick-input-list .monaco-list-row'), 'aria-label');
      return labels.some((label) => label.includes(base));
    },
    { timeoutMs: left() },
  );
  await page.keyboard.press('Enter');
  await waitFor(page, `.tabs-container .tab.active[aria-label*="${cssString(base)}"]`, left());
  await waitFor(page, '.editor-group-container.active .monaco-editor .view-lines', left());
}

/** The text of the active editor's visible lines (non-breaking spaces turned into spaces). */
export async function editorText(page: Page): Promise<string> {
  const text = await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().innerText();
  return text.replace(/\u00a0/g, ' ');
}

/** Moves the cursor of the active editor with Go to Line (Ctrl+G): 1-based line and column. */
export async function goToLine(page: Page, line: number, column?: number, timeoutMs = 15_000): Promise<void> {
  await page.locator('.editor-group-container.active .monaco-editor textarea').first().focus();
  await page.keyboard.press('Control+G');
  const input = await waitFor(page, '.quick-input-widget .quick-input-box input', timeoutMs);
  await input.fill(`:${line}${column !== undefined ? `:${column}` : ''}`);
  await page.keyboard.press('Enter');
  await waitFor(page, '.quick-input-widget', timeoutMs, 'hidden');
}

/** Waits for a squiggle of the given severity in the active editor and returns it. */
export async function waitForSquiggle(
  page: Page,
  severity: 'error' | 'warning' | 'info' = 'error',
  timeoutMs = 30_000,
): Promise<Locator> {
  return waitFor(page, `.editor-group-container.active .monaco-editor .squiggly-${severity}`, timeoutMs);
}

/**
 * Hovers the `index`-th squiggle of the given severity (the mouse on its centre) and returns the hover's text.
 * Retries by moving the mouse away and back when no hover shows up.
 */
export async function hoverSquiggle(
  page: Page,
  opts: { severity?: 'error' | 'warning' | 'info'; index?: number; timeoutMs?: number } = {},
): Promise<string> {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  const severity = opts.severity ?? 'error';
  await waitForSquiggle(page, severity, timeoutMs);
  const squiggle = page.locator(`.editor-group-container.active .monaco-editor .squiggly-${severity}`).nth(opts.index ?? 0);
  const hover = page.locator('.monaco-hover:not(.hidden) .hover-contents');
  return poll(
    `a hover over the ${severity} squiggle`,
    async () => {
      const box = await squiggle.boundingBox();
      if (!box) return undefined;
      await page.mouse.move(2, 2);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
      try {
        await hover.first().waitFor({ state: 'visible', timeout: Math.min(3_000, Math.max(500, deadline - Date.now())) });
      } catch {
        return undefined;
      }
      const text = (await hover.allInnerTexts()).join('\n').trim();
      return text || undefined;
    },
    { timeoutMs, intervalMs: 200 },
  );
}

/** Opens the Problems panel (Ctrl+Shift+M) unless it is already visible. */
export async function openProblemsPanel(page: Page, timeoutMs = 15_000): Promise<void> {
  if (await page.locator('.markers-panel').first().isVisible()) return;
  await page.keyboard.press('Control+Shift+M');
  await waitFor(page, '.markers-panel', timeoutMs);
}

/**
 * The `aria-label`s of the Problems panel rows, top to bottom (opening the panel if needed). A marker row's label
 * holds severity, message, position and source, e.g. `Error: <message> at line 2 and character 7. generated by
 * <source>`; file rows (`1 problems in file a.ts of folder .`) are left out with `markersOnly`.
 */
export async function problemRows(page: Page, opts: { markersOnly?: boolean } = {}): Promise<string[]> {
  await openProblemsPanel(page);
  const selector = opts.markersOnly
    ? '.markers-panel .monaco-list-row:not([aria-level="1"])'
    : '.markers-panel .monaco-list-row';
  return attributeOfAll(page.locator(selector), 'aria-label');
}

/** Polls the Problems panel until `predicate(rows)` holds, and returns the rows (see `problemRows`). */
export async function waitForProblems(
  page: Page,
  predicate: (rows: string[]) => boolean,
  opts: { timeoutMs?: number; markersOnly?: boolean } = {},
): Promise<string[]> {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  let last: string[] = [];
  try {
    return await poll(
      'the expected Problems panel rows',
      async () => {
        last = await problemRows(page, opts);
        return predicate(last) ? last : undefined;
      },
      { timeoutMs, intervalMs: 250 },
    );
  } catch (err) {
    throw new Error(`${(err as Error).message}; rows were:\n  ${last.join('\n  ') || '(none)'}`);
  }
}

/** The status bar's problem counts (`#status.problems` aria-label), e.g. "Errors: 1, Warnings: 0"; null if absent. */
export async function statusBarProblems(page: Page): Promise<string | null> {
  const item = page.locator('[id="status.problems"]').first();
  if ((await item.count()) === 0) return null;
  return item.getAttribute('aria-label');
}

/**
 * Opens the quick-fix menu (Ctrl+.) at the cursor of the active editor and returns the titles of its rows. Pressing
 * right after a change can race the code-action request and answer "No code actions available": so it first waits
 * for the light bulb (when enabled), and retries up to `attempts` times, closing the message in between.
 */
export async function openQuickFixMenu(
  page: Page,
  opts: { attempts?: number; timeoutMs?: number } = {},
): Promise<string[]> {
  const attempts = opts.attempts ?? 5;
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  const editorInput = page.locator('.editor-group-container.active .monaco-editor textarea').first();
  const rows = page.locator('.action-widget .monaco-list-row');
  const noActions = page.locator('.monaco-editor-overlaymessage').filter({ hasText: /no code actions/i });
  // The light bulb (in 1.100 usually in the gutter, `codicon-gutter-lightbulb*`; else the `.lightBulbWidget` content
  // widget) means the code actions at the cursor have been computed. Not seeing it is not an error.
  const lightBulb = page.locator(
    '.editor-group-container.active .monaco-editor [class*="codicon-gutter-lightbulb"]:visible, ' +
      '.editor-group-container.active .monaco-editor .lightBulbWidget:visible',
  );
  await lightBulb.first().waitFor({ state: 'visible', timeout: Math.min(2_000, timeoutMs) }).catch(() => undefined);
  for (let attempt = 1; attempt <= attempts && Date.now() < deadline; attempt++) {
    await editorInput.focus();
    await page.keyboard.press('Control+.');
    const outcome = await poll(
      'the quick-fix menu or the "No code actions available" message',
      async () => {
        if ((await rows.count()) > 0 && (await rows.first().isVisible())) return 'menu';
        if ((await noActions.count()) > 0 && (await noActions.first().isVisible())) return 'none';
        return undefined;
      },
      { timeoutMs: Math.min(5_000, Math.max(500, deadline - Date.now())), intervalMs: 100 },
    ).catch(() => 'nothing' as const);
    if (outcome === 'menu') return quickFixTitles(page);
    await page.keyboard.press('Escape');
    // Give the code-action request time to settle before the next attempt (backoff between retries).
    await delay(Math.min(500 * attempt, Math.max(0, deadline - Date.now())));
  }
  throw new Error(`No quick-fix menu after ${attempts} attempts (${timeoutMs} ms): "No code actions available" or nothing shown`);
}

/** Titles (aria-labels) of the rows of the open quick-fix/action menu, in order; group headers excluded. */
export async function quickFixTitles(page: Page): Promise<string[]> {
  const rows = page.locator('.action-widget .monaco-list-row:not(.group-header)');
  return (await attributeOfAll(rows, 'aria-label')).filter((label) => label.length > 0);
}

/**
 * Applies the action titled `title` from the open quick-fix menu: moves the selection with ArrowDown until the
 * focused row matches, then presses Enter (clicks are blocked by an overlay), and waits for the menu to close.
 */
export async function chooseQuickFix(page: Page, title: string | RegExp, timeoutMs = 15_000): Promise<void> {
  const matches = (label: string | null): boolean =>
    label !== null && (typeof title === 'string' ? label === title || label.startsWith(title) : title.test(label));
  const titles = await quickFixTitles(page);
  if (!titles.some(matches)) throw new Error(`No quick fix titled ${String(title)}; the menu has: ${titles.join(' | ')}`);
  const focused = page.locator('.action-widget .monaco-list-row.focused');
  const focusedLabel = async (): Promise<string | null> =>
    (await focused.count()) > 0 ? focused.first().getAttribute('aria-label') : null;
  for (let step = 0; step <= titles.length + 2; step++) {
    const label = await focusedLabel();
    if (matches(label)) {
      await page.keyboard.press('Enter');
      await waitFor(page, '.action-widget', timeoutMs, 'hidden');
      return;
    }
    await page.keyboard.press('ArrowDown');
    await poll('the quick-fix selection to move', async () => (await focusedLabel()) !== label || undefined, {
      timeoutMs: 2_000,
      intervalMs: 50,
    }).catch(() => undefined);
  }
  throw new Error(`Could not select the quick fix ${String(title)}; the menu has: ${titles.join(' | ')}`);
}

/** Saves a full-page screenshot as `<dir>/<name>.png` (creating `dir`) and returns its path. */
export async function saveScreenshot(page: Page, dir: string, name: string): Promise<string> {
  await fsp.mkdir(dir, { recursive: true });
  const file = path.join(dir, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path: file, timeout: 15_000 });
  return file;
}

async function attributeOfAll(locator: Locator, attribute: string): Promise<string[]> {
  const values: string[] = [];
  const count = await locator.count();
  for (let i = 0; i < count; i++) {
    const value = await locator.nth(i).getAttribute(attribute, { timeout: 2_000 }).catch(() => null);
    if (value !== null) values.push(value);
  }
  return values;
}

/** Escapes a value for a double-quoted CSS attribute selector. */
function cssString(value: string): string {
  return value.replace(/["\\]/g, '\\$&');
}
