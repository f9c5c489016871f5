// Release helper: the model names the commit to show, and the name is spliced into a shell command line.
import { exec } from 'node:child_process';
import OpenAI from 'openai';

const openai = new OpenAI();

export async function showSuggestedCommit(question: string): Promise<void> {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_completion_tokens: 20,
    messages: [
      { role: 'system', content: 'Reply with one git commit hash only.' },
      { role: 'user', content: question },
    ],
  });
  const ref = (completion.choices[0].message.content ?? '').trim();
  // expect: unvalidated-llm-output
  exec(`git show --stat ${ref}`, (err, stdout) => {
    if (err) throw err;
    process.stdout.write(stdout);
  });
}
