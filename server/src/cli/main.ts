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

// The analysis allocates many short-lived values: a larger young generation means far fewer scavenges
// (bench/: about 5% of a large scan's wall time). Set before the work starts; V8 grows into it on demand.
v8.setFlagsFromString('--max-semi-space-size=64');

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
