// Entry point of the `promptward` command: dispatch, and turn every failure into a message and an exit code.
import { ConfigError, YamlFileError } from '../config';
import { parseArgs, UsageError } from './args';
import { InputError, isFileSystemError, reason } from './fs-errors';
import { MAIN_HELP, SCAN_HELP } from './help';
import type { Io } from './io';
import { displayPath } from './paths';
import { runLsp } from './lsp-command';
import { runScan } from './scan-command';
import { runThreatModel } from './threat-model-command';
import { TOOL_VERSION } from './tool-info';
import * as v8 from 'v8';

// The analysis allocates many short-lived values: a larger young generation means far fewer scavenges.
// Set at run time, the size applies to the heaps created afterwards (the analysis workers of a parallel scan),
// not to this thread's: measured with --trace-gc, 36 scavenges in a worker against 92 here for similar work.
v8.setFlagsFromString('--max-semi-space-size=64');
// The interpreter's hot functions (evalExpr, dispatchCall) see many value shapes: optimised with inlining,
// each was re-optimised 15-17 times in a corpus scan, about 1 s of compilation apiece on V8's background
// threads, which then compete with the analysis for the cores (and every worker compiles its own). Without
// inlining the recompilations are small: bench/ corpus, 1 thread 9.5 -> 8.6 s CPU at the same wall time;
// 2 threads 6.38 -> 5.67 s wall.
v8.setFlagsFromString('--no-turbo-inlining');

const EXIT_USAGE = 2;

export async function run(argv: readonly string[], io: Io): Promise<number> {
  try {
    if (argv[0] === 'lsp') return await runLsp(argv.slice(1), io);
    if (argv[0] === 'threat-model') return await runThreatModel(argv.slice(1), io);
    const command = parseArgs(argv);
    switch (command.kind) {
      case 'help':
        io.stdout.write(command.topic === 'scan' ? SCAN_HELP : MAIN_HELP);
        return 0;
      case 'version':
        io.stdout.write(`${TOOL_VERSION}\n`);
        return 0;
      case 'scan':
        return await runScan(command, io);
    }
  } catch (err) {
    io.stderr.write(`promptward: ${describe(err, io)}\n`);
    return EXIT_USAGE;
  }
}

function describe(err: unknown, io: Io): string {
  if (err instanceof UsageError) return `${err.message}\nRun 'promptward --help' for usage.`;
  if (err instanceof InputError || err instanceof ConfigError) return err.message;
  // A bad config or baseline (or a broken rules/ file): where, and what was expected.
  if (err instanceof YamlFileError) return `${displayPath(io.cwd, err.file)}:${err.line}:${err.column}: ${err.detail}`;
  if (isFileSystemError(err)) {
    // The core could not read something the user pointed it at (e.g. a file deleted while scanning). Node's
    // errors carry the path; the core's own (MissingPathError) already say "cannot read <path>: ...".
    const file = (err as { path?: unknown }).path;
    if (typeof file === 'string') return `cannot read ${displayPath(io.cwd, file)}: ${reason(err)}`;
    return err instanceof Error ? err.message : reason(err);
  }
  const message = err instanceof Error ? err.message : String(err);
  const stack = io.env['PROMPTWARD_DEBUG'] && err instanceof Error && err.stack ? `\n${err.stack}` : '';
  return `internal error: ${message}${stack}`;
}

process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  // The reader went away (`promptward scan | head`): stop quietly.
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

void run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
}).then((code) => {
  process.exitCode = code;
});
