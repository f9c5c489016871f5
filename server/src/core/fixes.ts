// Fixes are computed in the core as plain text edits, so the CLI (--fix) and the editor apply the same ones.
import { ts } from './ts';
import type { Fix } from './types';
import type { CallCtx } from './analysis/calls';

/** Default cap the max-tokens fix inserts; named so reviewers see it is a choice to revisit. */
export const DEFAULT_MAX_OUTPUT_TOKENS = 1024;

export function keyFix(literal: ts.StringLiteralLike, envKey: string | undefined): Fix[] {
  if (!envKey || !ts.isStringLiteral(literal) && !ts.isNoSubstitutionTemplateLiteral(literal)) return [];
  const sf = literal.getSourceFile();
  // `process.env.KEY ?? 'sk-...'`: the environment is already read; drop the hard-coded fallback.
  const parent = literal.parent;
  if (ts.isBinaryExpression(parent) && parent.right === literal && (parent.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || parent.operatorToken.kind === ts.SyntaxKind.BarBarToken) && /process\.env|import\.meta\.env/.test(parent.left.getText(sf))) {
    return [{
      title: 'Remove the hard-coded fallback key',
      safe: true,
      preferred: true,
      edits: [{ file: sf.fileName, startOffset: parent.left.getEnd(), endOffset: literal.getEnd(), newText: '' }],
    }];
  }
  return [{
    title: `Read the key from process.env.${envKey}`,
    safe: true,
    preferred: true,
    edits: [{ file: sf.fileName, startOffset: literal.getStart(sf), endOffset: literal.getEnd(), newText: `process.env.${envKey}` }],
  }];
}

export function removeBrowserFlagFix(node: ts.Node): Fix[] {
  if (!ts.isPropertyAssignment(node)) return [];
  const sf = node.getSourceFile();
  const list = node.parent;
  if (!ts.isObjectLiteralExpression(list)) return [];
  const index = list.properties.indexOf(node);
  let start = node.getStart(sf);
  let end = node.getEnd();
  // Take the separating comma and the whitespace before the next property too.
  const after = sf.text.slice(end);
  const comma = /^\s*,[ \t]*/.exec(after);
  if (comma) end += comma[0].length;
  else if (index > 0) start = list.properties[index - 1].getEnd();
  const lineStart = sf.text.lastIndexOf('\n', start - 1) + 1;
  if (/^\s*$/.test(sf.text.slice(lineStart, start)) && sf.text[end] === '\n') {
    start = lineStart;
    end += 1;
  }
  return [{
    title: 'Remove dangerouslyAllowBrowser (call the model from a server route instead)',
    safe: false,
    preferred: true,
    edits: [{ file: sf.fileName, startOffset: start, endOffset: end, newText: '' }],
  }];
}

export function maxTokensFix(ctx: CallCtx, path: string | undefined, staleOptions: string[] = []): Fix[] {
  if (!path) return [];
  const segs = path.split('.');
  const arg = ctx.argNodes[Number(segs[0])];
  if (!arg || !ts.isObjectLiteralExpression(arg) || segs.length !== 2) return [];
  const sf = arg.getSourceFile();
  const option = segs[1];
  // A stale option (AI SDK 5 ignores maxTokens): rename it and keep the user's value.
  const stale = arg.properties.find((p) => ts.isPropertyAssignment(p) && staleOptions.includes(p.name.getText(sf)));
  if (stale && ts.isPropertyAssignment(stale)) {
    return [{
      title: `Rename ${stale.name.getText(sf)} to ${option}`,
      safe: true,
      preferred: true,
      edits: [{ file: sf.fileName, startOffset: stale.name.getStart(sf), endOffset: stale.name.getEnd(), newText: option }],
    }];
  }
  const last = arg.properties[arg.properties.length - 1];
  const text = `${option}: ${DEFAULT_MAX_OUTPUT_TOKENS}`;
  let edit;
  if (!last) edit = { file: sf.fileName, startOffset: arg.getStart(sf) + 1, endOffset: arg.getStart(sf) + 1, newText: ` ${text} ` };
  else {
    const multiline = sf.getLineAndCharacterOfPosition(last.getStart(sf)).line !== sf.getLineAndCharacterOfPosition(arg.getStart(sf)).line;
    const indent = multiline ? /^[ \t]*/.exec(sf.text.slice(sf.text.lastIndexOf('\n', last.getStart(sf) - 1) + 1))![0] : ' ';
    const hasTrailingComma = arg.properties.hasTrailingComma;
    edit = { file: sf.fileName, startOffset: last.getEnd() + (hasTrailingComma ? 1 : 0), endOffset: last.getEnd() + (hasTrailingComma ? 1 : 0), newText: hasTrailingComma ? `${multiline ? '\n' + indent : ' '}${text},` : `,${multiline ? '\n' + indent : ' '}${text}` };
  }
  return [{ title: `Add ${option}: ${DEFAULT_MAX_OUTPUT_TOKENS}`, safe: true, preferred: true, edits: [edit] }];
}

export function rateLimitFix(_node: ts.Node): Fix[] {
  return [];
}
