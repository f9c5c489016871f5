// Suppression comments: with a reason, without one, naming an unknown rule, suppressing nothing, and
// text that only looks like a directive. docs/configuration.md#suppressions
import OpenAI from 'openai';

const openai = new OpenAI();

export async function ask(question: string): Promise<unknown[]> {
  // promptward-ignore-next-line missing-max-tokens -- the gateway caps output at 512 tokens
  const a = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: question }] });
  // promptward-ignore-next-line missing-max-tokens
  const b = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: question }] });
  // promptward-ignore-next-line missing-max-tokns -- a misspelt rule id suppresses nothing
  const c = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: question }] });
  // promptward-ignore-next-line prompt-injection -- there is no prompt injection on the next line
  const d = await openai.chat.completions.create({ model: 'gpt-4o-mini', max_completion_tokens: 100, messages: [{ role: 'user', content: question }] });
  const note = '// promptward-ignore-next-line missing-max-tokens -- in a string, so not a comment';
  const e = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: note }] });
  return [a, b, c, d, e];
}
