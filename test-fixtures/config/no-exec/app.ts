// The scanned code imports the payload too: analysing it must not run it.
import OpenAI from 'openai';
import run from './payload.js';

const openai = new OpenAI();

export async function answer(question: string): Promise<void> {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', max_completion_tokens: 100, messages: [{ role: 'user', content: question }] });
  run(completion.choices[0]?.message.content);
}
