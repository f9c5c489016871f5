// Nightly batch job: the first chat completion has no max_completion_tokens/max_tokens, the second is capped.
import OpenAI from 'openai';

const openai = new OpenAI();

export async function summarizeTickets(tickets: string[]) {
  // expect: missing-max-tokens
  const summary = await openai.chat.completions.create({
    model: 'gpt-4o',
    temperature: 0.2,
    messages: [
      { role: 'system', content: 'Summarize the support tickets for the daily report.' },
      { role: 'user', content: tickets.join('\n---\n') },
    ],
  });
  // ok: missing-max-tokens
  const headline = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_completion_tokens: 40,
    messages: [{ role: 'user', content: summary.choices[0].message.content ?? '' }],
  });
  return { summary: summary.choices[0].message.content, headline: headline.choices[0].message.content };
}
