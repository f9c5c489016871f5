// `promptward threat-model [paths...] --format json|markdown|html --output FILE`: the workspace's AI attack
// surface from the code. The same scan as `promptward scan` (same config, excludes and suppression comments),
// turned into the core's threat model and rendered. Exit code 0 whatever it finds: it documents, it does not gate.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildThreatModel, renderThreatModel, type ThreatModel, type ThreatModelFormat } from '../core/threat-model';
import { resolveConfig } from '../config';
import { UsageError, oneOf, walkArgs } from './args';
import { assertReadable, InputError, reason } from './fs-errors';
import type { Io } from './io';
import { buildReport } from './pipeline';
import { configuredScan } from './configured-scan';

export const THREAT_MODEL_HELP = `Usage: promptward threat-model [paths...] [options]

Derives the AI threat model of the given folders (default: the current folder) from the code: the LLM SDKs,
models and call sites; the entry points that reach them, with authentication and rate limiting; untrusted,
sensitive and retrieved data flowing into prompts; model output flowing into sinks; the tools the model can
call; the findings grouped by OWASP LLM category; and a checklist of six first security steps (met, partly
met, not met or unknown, with the evidence). It reads files and never runs them.

Options:
  --format json|markdown|html
                  json: the model (schema: rules/schema/threat-model.schema.json); markdown (default): a
                  report with a Mermaid data-flow diagram; html: one self-contained page with an SVG diagram
  --output FILE   Write the report to FILE instead of standard output
  --config FILE   Use this config file instead of looking for .promptward.yaml
  --no-config     Use no config file
  -h, --help      Show this help

Exit codes: 0 the model was written (whatever it holds); 2 bad usage, an unreadable path or config, or an
internal error.
`;

const FORMATS: readonly ThreatModelFormat[] = ['json', 'markdown', 'html'];

export interface ThreatModelCommand {
  paths: string[];
  format: ThreatModelFormat;
  output?: string;
  config?: string | false;
}

/** Parses the arguments after `threat-model`; undefined for --help. */
export function parseThreatModelArgs(argv: readonly string[]): ThreatModelCommand | undefined {
  const command: ThreatModelCommand = { paths: [], format: 'markdown' };
  const complete = walkArgs(argv, (path) => command.paths.push(path), ({ name, value, flag }) => {
    switch (name) {
      case '--help':
      case '-h':
        flag();
        return 'stop';
      case '--format':
        command.format = oneOf(name, value(), FORMATS);
        break;
      case '--output':
        command.output = value();
        break;
      case '--config':
        command.config = value();
        break;
      case '--no-config':
        flag();
        command.config = false;
        break;
      default:
        throw new UsageError(`unknown option '${name}' for 'threat-model'`);
    }
    return undefined;
  });
  if (!complete) return undefined;
  if (command.paths.length === 0) command.paths.push('.');
  return command;
}

export async function runThreatModel(argv: readonly string[], io: Io): Promise<number> {
  const command = parseThreatModelArgs(argv);
  if (!command) {
    io.stdout.write(THREAT_MODEL_HELP);
    return 0;
  }
  assertReadable(command.paths, io.cwd);
  const config = resolveConfig(command.paths, io.cwd, { explicit: command.config });
  const { result, files } = await configuredScan(command.paths, io.cwd, config, io.stderr);
  // Rule levels and promptward-ignore comments, exactly as `scan` reports them (no baseline: it is about a
  // scan's history, not the workspace's exposure).
  const { report } = buildReport(result, { config, files, reportUnusedIgnores: false, writeBaseline: false, quiet: false });
  const model = buildThreatModel(result, result.root, {
    findings: report.findings.map((f) => (f.suppressed ? { ...f, suppressed: { justification: f.suppressed.justification } } : f)),
  });

  const target = command.output === undefined ? undefined : path.resolve(io.cwd, command.output);
  const linkRoot = path.relative(target ? path.dirname(target) : io.cwd, result.root).split(path.sep).join('/');
  const text = renderThreatModel(model, command.format, { linkRoot });
  if (target === undefined) {
    io.stdout.write(text);
    return 0;
  }
  try {
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
  } catch (err) {
    throw new InputError(`cannot write ${command.output}: ${reason(err)}`);
  }
  io.stderr.write(`promptward: ${summaryLine(model)}; written to ${command.output}\n`);
  return 0;
}

export function summaryLine(model: ThreatModel): string {
  const s = model.summary;
  const c = s.checklist;
  return (
    `threat model of ${model.workspace.name}: ${s.callSites} LLM call site${s.callSites === 1 ? '' : 's'}, ${s.entryPoints} entry point${s.entryPoints === 1 ? '' : 's'}, ` +
    `${s.threats.total} threat${s.threats.total === 1 ? '' : 's'}; checklist ${c.met} met, ${c['partly-met']} partly met, ${c['not-met']} not met, ${c.unknown} unknown`
  );
}
