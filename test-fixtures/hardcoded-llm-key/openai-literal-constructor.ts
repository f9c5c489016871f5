// Script: an OpenAI project key is written directly into the client constructor
import OpenAI from 'openai';
import { readFile } from 'node:fs/promises';

const openai = new OpenAI({
  // expect: hardcoded-llm-key
  apiKey: 'sk-proj-jrZi31bjRTcm7lyjbWL2hV30sll3bjR23dyUYFSm2BJ0bmcu',
});

async function main() {
  const notes = await readFile('./meeting-notes.md', 'utf8');
  const completion = await openai.chat.completions.create({
    model: 'gpt-4.1-mini',
    max_completion_tokens: 400,
    messages: [
      { role: 'system', content: 'Turn meeting notes into a list of action items with owners.' },
      { role: 'user', content: notes },
    ],
  });
  console.log(completion.choices[0].message.content);
}

main();
