// CLI note-taker: the model picks the file name, which becomes a write path without confinement.
import { writeFile } from 'node:fs/promises';
import { generateText } from 'ai';
import { anthropic } from '@ai-sdk/anthropic';

const NOTES_DIR = `${process.cwd()}/notes`;

async function saveNote(note: string) {
  const { text: fileName } = await generateText({
    model: anthropic('claude-haiku-4-5'),
    maxOutputTokens: 40,
    system: 'Suggest a short kebab-case file name ending in .md for the note. Reply with the name only.',
    prompt: note,
  });
  // expect: unvalidated-llm-output
  await writeFile(`${NOTES_DIR}/${fileName.trim()}`, note, 'utf8');
  return fileName;
}

saveNote(process.argv.slice(2).join(' ')).then((name) => console.log(`saved ${name}`));
