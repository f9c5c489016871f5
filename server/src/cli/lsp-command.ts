// `promptward lsp --stdio`: the language server, for any LSP editor (Neovim, Helix, Zed, Emacs, VS Code).
// The same server code as dist/server.js; the transport flags are read by vscode-languageserver itself.
import { startServer } from '../lsp/server';
import { UsageError } from './args';
import type { Io } from './io';

export const LSP_HELP = `Usage: promptward lsp --stdio | --node-ipc | --socket=PORT | --pipe=NAME

Runs the Promptward language server: findings as diagnostics while you type, with the data-flow path, quick
fixes, hover, and a findings summary request (docs/lsp.md). It speaks the Language Server Protocol over the
given transport until the client asks it to exit.
`;

const TRANSPORT = /^--(stdio|node-ipc|socket=\d+|pipe=.+)$/;

export function runLsp(argv: readonly string[], io: Io): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout.write(LSP_HELP);
    return Promise.resolve(0);
  }
  const unknown = argv.filter((a) => !TRANSPORT.test(a) && a !== '--clientProcessId' && !/^\d+$/.test(a) && !a.startsWith('--clientProcessId='));
  if (unknown.length) throw new UsageError(`unknown option '${unknown[0]}' for 'lsp'`);
  if (!argv.some((a) => TRANSPORT.test(a))) throw new UsageError(`'lsp' needs a transport: --stdio, --node-ipc, --socket=PORT or --pipe=NAME`);
  startServer();
  // The server runs until the client sends `exit` (the connection then ends the process).
  return new Promise<number>(() => undefined);
}
