// `promptward scan`: check the inputs, find the config, run the core, apply suppressions and the baseline,
// write the report, choose the exit code.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { resolveConfig } from '../config';
import { shouldColor } from './ansi';
import type { Command } from './args';
import { readBaseline } from './baseline';
import { applySafeFixes } from './fix';
import { assertReadable, InputError, reason } from './fs-errors';
import type { Io } from './io';
import { exitCodeFor } from './outcome';
import { buildReport } from './pipeline';
import { configuredScan } from './configured-scan';
import { renderReport } from './report';
import { summaryLine } from './summary';

export type ScanCommand = Extract<Command, { kind: 'scan' }>;

export async function runScan(command: ScanCommand, io: Io): Promise<number> {
  assertReadable(command.paths, io.cwd);
  // Everything that can be wrong with the inputs is found before the analysis starts.
  const config = resolveConfig(command.paths, io.cwd, { explicit: command.config });
  const baseline = command.baseline === undefined ? undefined : readBaseline(path.resolve(io.cwd, command.baseline), command.baseline);

  const startTime = new Date();
  const { result, files } = await configuredScan(command.paths, io.cwd, config, io.stderr);
  const endTime = new Date();

  const { report, baseline: newBaseline } = buildReport(result, {
    config,
    files,
    reportUnusedIgnores: command.reportUnusedIgnores,
    baseline,
    writeBaseline: command.writeBaseline !== undefined,
    quiet: command.quiet,
  });

  if (command.fix) {
    // Apply the safe fixes, then scan again: the report shows what is left.
    const { fixed, files: fixedFiles } = applySafeFixes(report.findings);
    io.stderr.write(`promptward: fixed ${fixed} finding${fixed === 1 ? '' : 's'} in ${fixedFiles.length} file${fixedFiles.length === 1 ? '' : 's'}\n`);
    if (fixed > 0) return runScan({ ...command, fix: false }, io);
  }

  if (command.writeBaseline !== undefined && newBaseline !== undefined) {
    writeFile(path.resolve(io.cwd, command.writeBaseline), newBaseline.text, command.writeBaseline);
    const { count } = newBaseline;
    io.stderr.write(`promptward: baseline of ${count} finding${count === 1 ? '' : 's'} written to ${command.writeBaseline}\n`);
  }

  const toTerminal = command.output === undefined;
  const color = toTerminal && shouldColor(command.color, io.stdout, io.env);
  const rendered = renderReport(command.format, report, { cwd: io.cwd, color, startTime, endTime, levels: config.rules });

  if (command.output === undefined) {
    io.stdout.write(rendered);
  } else {
    writeFile(path.resolve(io.cwd, command.output), rendered, command.output);
    io.stderr.write(`promptward: ${summaryLine(report)}; report written to ${command.output}\n`);
  }
  return exitCodeFor(report.findings, { threshold: command.severityThreshold, maxWarnings: command.maxWarnings });
}

function writeFile(file: string, text: string, shownAs: string): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  } catch (err) {
    throw new InputError(`cannot write ${shownAs}: ${reason(err)}`);
  }
}
