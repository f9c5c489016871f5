// Reads a rule doc: its headings and the code examples under "### Incorrect" and "### Correct".
import * as fs from 'fs';

export const REQUIRED_HEADINGS = [
  '## What it finds',
  '## Why it matters',
  '## Examples',
  '### Incorrect',
  '### Correct',
  '## How to fix',
  '## Options',
  '## Known limitations',
  '## When not to use it',
];

export interface DocExample {
  kind: 'incorrect' | 'correct';
  lang: string;
  code: string;
  line: number;
}

export function readDoc(file: string): { headings: string[]; examples: DocExample[] } {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const headings: string[] = [];
  const examples: DocExample[] = [];
  let section: 'incorrect' | 'correct' | undefined;
  let fence: { lang: string; start: number; body: string[] } | undefined;
  lines.forEach((line, i) => {
    if (fence) {
      if (/^```\s*$/.test(line)) {
        if (section) examples.push({ kind: section, lang: fence.lang, code: fence.body.join('\n'), line: fence.start + 1 });
        fence = undefined;
      } else fence.body.push(line);
      return;
    }
    const open = /^```(\w*)/.exec(line);
    if (open) {
      fence = { lang: open[1], start: i, body: [] };
      return;
    }
    if (/^#{1,3} /.test(line)) {
      if (line.startsWith('## ') || line.startsWith('### ')) headings.push(line.trim());
      section = line.startsWith('### Incorrect') ? 'incorrect' : line.startsWith('### Correct') ? 'correct' : line.startsWith('## ') ? undefined : section;
    }
  });
  return { headings, examples };
}
