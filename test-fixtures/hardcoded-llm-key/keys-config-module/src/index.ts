// CLI entry: summarizes stdin with the helper from llm.ts
import { stdin } from 'node:process';
import { complete } from './llm';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const text = await readStdin();
console.log(await complete('Summarize the text for a changelog entry.', text));
