// Node script: email bodies read from disk are mixed into a single instruction prompt for Ollama
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import ollama from 'ollama';

const INBOX = './inbox';

for (const name of await readdir(INBOX)) {
  const body = await readFile(path.join(INBOX, name), 'utf8');
  const res = await ollama.generate({
    model: 'llama3.1:8b',
    system: 'You are a strict mail filter.',
    // expect: prompt-injection
    prompt: `Classify the following email as SPAM or HAM and give a one-line reason. ${body}`,
    options: { num_predict: 64, temperature: 0 },
  });
  console.log(`${name}: ${res.response.trim()}`);
}
