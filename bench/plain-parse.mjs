// The floor of the benchmark: read every corpus file and parse it with ts.createSourceFile, nothing else.
// Usage: node bench/plain-parse.mjs <code-dir> <files.txt>   Prints {"files": N, "lines": N} as JSON.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const [codeDir, listFile] = process.argv.slice(2);
const KINDS = { '.ts': ts.ScriptKind.TS, '.mts': ts.ScriptKind.TS, '.cts': ts.ScriptKind.TS, '.tsx': ts.ScriptKind.TSX,
  '.js': ts.ScriptKind.JS, '.mjs': ts.ScriptKind.JS, '.cjs': ts.ScriptKind.JS, '.jsx': ts.ScriptKind.JSX };

let files = 0;
let lines = 0;
for (const relative of readFileSync(listFile, 'utf8').split('\n').filter(Boolean)) {
  const file = path.join(codeDir, relative);
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, KINDS[path.extname(file)]);
  files++;
  lines += source.getLineStarts().length;
}
console.log(JSON.stringify({ files, lines }));
