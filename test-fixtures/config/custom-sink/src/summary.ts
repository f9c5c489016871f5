import OpenAI from 'openai';
import { renderTrusted } from '@acme/templating';
import { scrubMarkup } from '@acme/markup';

const openai = new OpenAI();

export async function summarise(text: string): Promise<void> {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_completion_tokens: 300,
    messages: [{ role: 'user', content: text }],
  });
  const answer = completion.choices[0]?.message.content ?? '';
  // expect: unvalidated-llm-output
  renderTrusted(answer);
  // ok: unvalidated-llm-output
  renderTrusted(scrubMarkup(answer));
}
