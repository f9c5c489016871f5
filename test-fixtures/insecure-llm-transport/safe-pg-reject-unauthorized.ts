// SAFE (for this rule): rejectUnauthorized:false is on the Postgres pool, not on the LLM client
import { Pool } from 'pg';
import OpenAI from 'openai';

const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  // ok: insecure-llm-transport
  ssl: { rejectUnauthorized: false },
});
const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

export async function summarizeTicket(ticketId: number): Promise<void> {
  const { rows } = await pool.query<{ body: string }>('SELECT body FROM tickets WHERE id = $1', [ticketId]);
  const completion = await openai.chat.completions.create({
    model: 'gpt-4.1-mini',
    max_completion_tokens: 150,
    messages: [
      { role: 'system', content: 'Summarize the support ticket in one sentence.' },
      { role: 'user', content: rows[0]?.body ?? '' },
    ],
  });
  const summary = completion.choices[0].message.content ?? '';
  // ok: unvalidated-llm-output
  await pool.query('UPDATE tickets SET summary = $1 WHERE id = $2', [summary, ticketId]);
}
