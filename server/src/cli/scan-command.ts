// `promptward scan`: check the inputs, run the core, write the report, choose the exit code.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { scan, type ScanProgress, type ScanResult } from '../core';
import { shouldColor } from './ansi';
import type { Command } from './args';
import { assertReadable, InputError, reason } from './fs-errors';
import type { Io } from './io';
import { progressReporter } from './progress';
import { renderReport } from './report';
import { hasErrors, summaryLine } from './summary';

export type ScanCommand = Extract<Command, { kind: 'scan' }>;

export async function runScan(command: ScanCommand, io: Io): Promise<number> {
  assertReadable(command.paths, io.cwd);

  const progress = progressReporter(io.stderr);
  const startTime = new Date();
  let result: ScanResult;
  try {
    result = await scan(command.paths, { cwd: io.cwd, onProgress: (p: ScanProgress) => progress.update(p) });
  } finally {
    progress.clear();
  }
  const endTime = new Date();

  const toTerminal = command.output === undefined;
  const color = toTerminal && shouldColor(command.color, io.stdout, io.env);
  const report = renderReport(command.format, result, { cwd: io.cwd, color, startTime, endTime });

  if (command.output === undefined) {
    io.stdout.write(report);
  } else {
    writeReport(path.resolve(io.cwd, command.output), report, command.output);
    io.stderr.write(`promptward: ${summaryLine(result)}; report written to ${command.output}\n`);
  }
  return hasErrors(result) ? 1 : 0;
}

function writeReport(file: string, report: string, shownAs: string): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, report);
  } catch (err) {
    throw new InputError(`cannot write ${shownAs}: ${reason(err)}`);
  }
}
