// Suppression comments in code:
//   // promptward-ignore-next-line <rule-id>[, <rule-id>] -- <reason>   the findings of those rules on the next line
//   /* promptward-ignore-file <rule-id>[, <rule-id>] -- <reason> */     those rules' findings anywhere in the file
// Either comment style works for either directive. Only real comments count (found with the TypeScript
// scanner, so text in strings or JSX is never a directive). Suppressed findings are kept, marked with the
// reason; a directive without a reason suppresses nothing; every mistake is an `invalid-ignore` finding.
import * as crypto from 'node:crypto';
import * as path from 'node:path';
import { ts } from '../core/ts';
import { rangeLocation } from '../core/analysis/reporter';
import { RULE_IDS, type Location, type RuleId, type Severity } from '../core/types';
import type { RuleLevel } from './load';
import type { MetaRuleId } from './meta-rules';
import type { ReportFinding } from './report-finding';

const MARKER = 'promptward-ignore';

export interface Directive {
  kind: 'next-line' | 'file';
  /** The directive as written: promptward-ignore-next-line, promptward-ignore-file, or a misspelling. */
  name: string;
  location: Location;
  /** The known rule ids it names. */
  rules: RuleId[];
  /** Present only when non-empty. */
  reason?: string;
  /** Why the directive is invalid (no reason, no rule, unknown rule, unknown directive). */
  problems: string[];
  /** The comment, normalised, for fingerprints. */
  text: string;
}

function scriptKind(file: string): ts.ScriptKind {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.tsx') return ts.ScriptKind.TSX;
  if (ext === '.jsx') return ts.ScriptKind.JSX;
  if (ext === '.js' || ext === '.mjs' || ext === '.cjs') return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

/** Every comment of the file, in order: the trivia around every token of the syntax tree. */
function comments(sf: ts.SourceFile): ts.CommentRange[] {
  const seen = new Map<number, ts.CommentRange>();
  const text = sf.text;
  const add = (ranges: ts.CommentRange[] | undefined) => {
    for (const r of ranges ?? []) if (!seen.has(r.pos)) seen.set(r.pos, r);
  };
  const visit = (node: ts.Node): void => {
    const children = node.getChildren(sf);
    if (children.length === 0) {
      add(ts.getLeadingCommentRanges(text, node.pos));
      add(ts.getTrailingCommentRanges(text, node.end));
      return;
    }
    for (const child of children) visit(child);
  };
  visit(sf);
  add(ts.getLeadingCommentRanges(text, 0));
  return [...seen.values()].sort((a, b) => a.pos - b.pos);
}


const KNOWN: readonly string[] = RULE_IDS;

/** Reads the directive in one comment's text (without the comment markers), or undefined if there is none. */
export function parseDirective(body: string): Omit<Directive, 'location' | 'text'> | undefined {
  const m = /^[\s*]*promptward-ignore([\w-]*)([\s\S]*)$/.exec(body);
  if (!m) return undefined;
  const suffix = m[1]!;
  const name = `${MARKER}${suffix}`;
  const kind = suffix === '-next-line' ? 'next-line' : suffix === '-file' ? 'file' : undefined;
  if (!kind) return { kind: 'next-line', name, rules: [], problems: [`is not a directive: use ${MARKER}-next-line or ${MARKER}-file`] };
  const rest = m[2]!;
  const sep = /(^|\s)--(\s|$)/.exec(rest);
  const idsText = sep ? rest.slice(0, sep.index) : rest;
  const reason = sep ? rest.slice(sep.index + sep[0].length).replace(/^[\s*]+/gm, ' ').replace(/\s+/g, ' ').trim() : '';
  const ids = idsText.split(/[\s,]+/).filter((s) => s !== '' && s !== '*');
  const problems: string[] = [];
  const rules: RuleId[] = [];
  for (const id of ids) {
    if (KNOWN.includes(id)) {
      if (!rules.includes(id as RuleId)) rules.push(id as RuleId);
    } else problems.push(`names an unknown rule id "${id}" (known: ${KNOWN.join(', ')})`);
  }
  if (ids.length === 0) problems.push(`names no rule: write "${name} <rule-id> -- <reason>"`);
  if (reason === '') problems.push(`needs a reason: add " -- <why this is safe>" after the rule ids; without one it suppresses nothing`);
  return { kind, name, rules, reason: reason || undefined, problems };
}

/** The suppression directives in a file's text (a cheap text test first: most files have none). */
export function findDirectives(file: string, text: string): Directive[] {
  if (!text.includes(MARKER)) return [];
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKind(file));
  const out: Directive[] = [];
  for (const range of comments(sf)) {
    const raw = text.slice(range.pos, range.end);
    if (!raw.includes(MARKER)) continue;
    const body = range.kind === ts.SyntaxKind.SingleLineCommentTrivia ? raw.slice(2) : raw.slice(2, -2);
    const parsed = parseDirective(body);
    if (parsed) out.push({ ...parsed, location: rangeLocation(sf, range.pos, range.end), text: raw.replace(/\s+/g, ' ').trim() });
  }
  return out;
}

export interface SuppressionOptions {
  /** The scan root: fingerprints of meta findings use paths relative to it. */
  root: string;
  /** Report valid directives that suppress nothing (unused-ignore). */
  reportUnused: boolean;
  /** Configured rule levels: directives for rules that are off are never "unused"; meta rules can be set too. */
  levels: ReadonlyMap<string, RuleLevel>;
}

export interface SuppressionResult {
  /** The findings given, each marked `suppressed` when a directive covers it. */
  findings: ReportFinding[];
  /** invalid-ignore and unused-ignore findings, at the comments. */
  problems: ReportFinding[];
}

/** Marks findings covered by the directives of their files; reports invalid (and, if asked, unused) directives. */
export function applySuppressions(
  findings: readonly ReportFinding[],
  directives: ReadonlyMap<string, readonly Directive[]>,
  options: SuppressionOptions,
): SuppressionResult {
  const used = new Set<string>(); // `${directive index in file}:${rule}`
  const marked = findings.map((finding) => {
    const list = directives.get(finding.location.file) ?? [];
    const index = list.findIndex(
      (d) =>
        d.reason !== undefined &&
        d.rules.includes(finding.ruleId as RuleId) &&
        (d.kind === 'file' || d.location.end.line + 1 === finding.location.start.line),
    );
    if (index === -1) return finding;
    const directive = list[index]!;
    used.add(`${finding.location.file}\u0000${index}\u0000${finding.ruleId}`);
    return { ...finding, suppressed: { kind: 'inSource' as const, justification: directive.reason! } };
  });

  const problems: ReportFinding[] = [];
  const level = (id: MetaRuleId): RuleLevel => options.levels.get(id) ?? 'warning';
  for (const [file, list] of directives) {
    const seen = new Map<string, number>();
    list.forEach((directive, index) => {
      const occurrence = (seen.get(directive.text) ?? 0) + 1;
      seen.set(directive.text, occurrence);
      const report = (ruleId: MetaRuleId, message: string, extra: string) => {
        const severity = level(ruleId);
        if (severity === 'off') return;
        problems.push(metaFinding(ruleId, severity, message, directive, options.root, `${extra}\u0000${occurrence}`));
      };
      const name = directive.name;
      if (directive.problems.length > 0) report('invalid-ignore', `This ${name} comment ${directive.problems.join('; ')}.`, 'invalid');
      if (!options.reportUnused || directive.reason === undefined) return;
      for (const rule of directive.rules) {
        if (options.levels.get(rule) === 'off' || used.has(`${file}\u0000${index}\u0000${rule}`)) continue;
        const where = directive.kind === 'file' ? 'in this file' : `on line ${directive.location.end.line + 1}`;
        report('unused-ignore', `This ${name} comment suppresses nothing: there is no ${rule} finding ${where}; remove ${rule} from it.`, rule);
      }
    });
  }
  return { findings: marked, problems };
}

function metaFinding(ruleId: MetaRuleId, severity: Severity, message: string, directive: Directive, root: string, salt: string): ReportFinding {
  const rel = path.relative(root, directive.location.file).split(path.sep).join('/');
  return {
    ruleId,
    severity,
    confidence: 'high',
    message,
    location: directive.location,
    path: [],
    fixes: [],
    fingerprint: crypto.createHash('sha256').update([ruleId, rel, directive.text, salt].join('\u0000')).digest('hex').slice(0, 32),
  };
}
