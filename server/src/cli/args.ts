// Parses the command line into a command. No dependencies, no I/O: bad usage throws a UsageError.
import type { Severity } from '../core';

export type ReportFormat = 'text' | 'json' | 'sarif' | 'github';

export interface ScanOptions {
  paths: string[];
  format: ReportFormat;
  output?: string;
  color: boolean;
  /** --config FILE; false for --no-config; undefined to look for .promptward.yaml upward. */
  config?: string | false;
  baseline?: string;
  writeBaseline?: string;
  maxWarnings?: number;
  severityThreshold: Severity;
  quiet: boolean;
  reportUnusedIgnores: boolean;
  /** --fix: apply the safe fixes to the files, then report what is left. */
  fix?: boolean;
}

export type Command =
  | { kind: 'help'; topic: 'main' | 'scan' }
  | { kind: 'version' }
  | ({ kind: 'scan' } & ScanOptions);

/** A mistake in how the command was called: reported in one line, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const FORMATS: readonly ReportFormat[] = ['text', 'json', 'sarif', 'github'];
const SEVERITIES: readonly Severity[] = ['info', 'warning', 'error'];

export function parseArgs(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError('missing command');
  if (first === '--help' || first === '-h' || first === 'help') return { kind: 'help', topic: 'main' };
  if (first === '--version') return { kind: 'version' };
  if (first === 'scan') return parseScan(rest);
  if (first.startsWith('-')) throw new UsageError(`unknown option '${first}'`);
  throw new UsageError(`unknown command '${first}'`);
}

/** One option on a command line, with readers for its value (`--name value` or `--name=value`) or its absence. */
export interface CliOption {
  name: string;
  value(): string;
  flag(): true;
}

/**
 * Walks a subcommand's arguments: plain arguments, `-`, and everything after `--` go to `onPath`; each option goes
 * to `onOption`, which may return `'stop'` (for --help). Returns false when stopped.
 */
export function walkArgs(argv: readonly string[], onPath: (arg: string) => void, onOption: (option: CliOption) => void | 'stop'): boolean {
  let onlyPaths = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (onlyPaths || arg === '-' || !arg.startsWith('-')) {
      onPath(arg);
      continue;
    }
    if (arg === '--') {
      onlyPaths = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    const inline = eq === -1 ? undefined : arg.slice(eq + 1);
    const option: CliOption = {
      name,
      value() {
        const v = inline ?? argv[i + 1];
        if (v === undefined || v === '') throw new UsageError(`option ${name} needs a value`);
        if (inline === undefined) i++;
        return v;
      },
      flag() {
        if (inline !== undefined) throw new UsageError(`option ${name} takes no value`);
        return true;
      },
    };
    if (onOption(option) === 'stop') return false;
  }
  return true;
}

function parseScan(argv: readonly string[]): Command {
  const options: ScanOptions = { paths: [], format: 'text', color: true, severityThreshold: 'error', quiet: false, reportUnusedIgnores: false };
  const complete = walkArgs(argv, (path) => options.paths.push(path), ({ name, value, flag }) => {
    switch (name) {
      case '--help':
      case '-h':
        flag();
        return 'stop';
      case '--format':
        options.format = oneOf(name, value(), FORMATS);
        break;
      case '--output':
        options.output = value();
        break;
      case '--no-color':
        options.color = !flag();
        break;
      case '--config':
        options.config = value();
        break;
      case '--no-config':
        flag();
        options.config = false;
        break;
      case '--baseline':
        options.baseline = value();
        break;
      case '--write-baseline':
        options.writeBaseline = value();
        break;
      case '--max-warnings':
        options.maxWarnings = count(name, value());
        break;
      case '--severity-threshold':
        options.severityThreshold = oneOf(name, value(), SEVERITIES);
        break;
      case '--quiet':
        options.quiet = flag();
        break;
      case '--report-unused-ignores':
        options.reportUnusedIgnores = flag();
        break;
      case '--fix':
        options.fix = flag();
        break;
      default:
        throw new UsageError(`unknown option '${name}' for 'scan'`);
    }
    return undefined;
  });
  if (!complete) return { kind: 'help', topic: 'scan' };
  if (options.paths.length === 0) options.paths.push('.');
  return { kind: 'scan', ...options };
}

export function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  const found = allowed.find((a) => a === value);
  if (found === undefined) {
    const what = name === '--format' ? 'format' : 'value';
    throw new UsageError(`unknown ${what} '${value}' for ${name} (expected ${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]})`);
  }
  return found;
}

function count(name: string, value: string): number {
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) throw new UsageError(`option ${name} needs a whole number ≥ 0, not '${value}'`);
  return Number(value);
}
