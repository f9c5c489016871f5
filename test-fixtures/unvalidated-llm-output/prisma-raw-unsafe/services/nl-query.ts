// Turns an analyst's question into SQL with Mistral; routes/reports.ts executes the result.
import { Mistral } from '@mistralai/mistralai';

const mistral = new Mistral({ apiKey: process.env.MISTRAL_API_KEY });

export async function questionToSql(question: string): Promise<string> {
  const res = await mistral.chat.complete({
    model: 'mistral-large-latest',
    maxTokens: 400,
    messages: [
      { role: 'system', content: 'Write one read-only PostgreSQL query over the table "sales". Reply with SQL only.' },
      { role: 'user', content: question },
    ],
  });
  const content = res.choices?.[0]?.message?.content;
  return typeof content === 'string' ? content : '';
}
