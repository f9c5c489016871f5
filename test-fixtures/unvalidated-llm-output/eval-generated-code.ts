// CLI calculator: JavaScript written by the model is passed straight to eval().
import OpenAI from 'openai';

const openai = new OpenAI();

async function main() {
  const task = process.argv.slice(2).join(' ');
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_completion_tokens: 800,
    messages: [
      { role: 'system', content: 'Write a single JavaScript expression that computes the answer. Reply with code only.' },
      { role: 'user', content: task },
    ],
  });
  const code = completion.choices[0].message.content ?? '';
  // expect: unvalidated-llm-output
  const result = eval(code);
  console.log(result);
}

main();
