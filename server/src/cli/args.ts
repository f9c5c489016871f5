// Parses the command line into a command. No dependencies, no I/O: bad usage throws a UsageError.

export type ReportFormat = 'text' | 'sarif';

export type Command =
  | { kind: 'help'; topic: 'main' | 'scan' }
  | { kind: 'version' }
  | { kind: 'scan'; paths: string[]; format: ReportFormat; output?: string; color: boolean };

/** A mistake in how the command was called: reported in one line, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const FORMATS: readonly ReportFormat[] = ['text', 'sarif'];

export function parseArgs(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError('missing command');
  if (first === '--help' || first === '-h' || first === 'help') return { kind: 'help', topic: 'main' };
  if (first === '--version') return { kind: 'version' };
  if (first === 'scan') return parseScan(rest);
  if (first.startsWith('-')) throw new UsageError(`unknown option '${first}'`);
  throw new UsageError(`unknown command '${first}'`);
}

function parseScan(argv: readonly string[]): Command {
  const paths: string[] = [];
  let format: ReportFormat = 'text';
  let output: string | undefined;
  let color = true;
  let onlyPaths = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (onlyPaths || arg === '-' || !arg.startsWith('-')) {
      paths.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    const inline = eq === -1 ? undefined : arg.slice(eq + 1);
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || next === '') throw new UsageError(`option ${name} needs a value`);
      i++;
      return next;
    };
    const noValue = (): void => {
      if (inline !== undefined) throw new UsageError(`option ${name} takes no value`);
    };

    switch (name) {
      case '--':
        onlyPaths = true;
        break;
      case '--help':
      case '-h':
        noValue();
        return { kind: 'help', topic: 'scan' };
      case '--format':
        format = parseFormat(value());
        break;
      case '--output':
        output = value();
        break;
      case '--no-color':
        noValue();
        color = false;
        break;
      default:
        throw new UsageError(`unknown option '${name}' for 'scan'`);
    }
  }
  return { kind: 'scan', paths: paths.length > 0 ? paths : ['.'], format, output, color };
}

function parseFormat(value: string): ReportFormat {
  const format = FORMATS.find((f) => f === value);
  if (format === undefined) {
    throw new UsageError(`unknown format '${value}' (expected ${FORMATS.join(' or ')})`);
  }
  return format;
}
