// better-sqlite3: the model's keyword is bound to a prepared statement's parameters (safe), but the second query
// splices the model's column choice into the SQL text that prepare() compiles.
import Database from 'better-sqlite3';
import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';

const db = new Database('tickets.db', { readonly: true });
const findTickets = db.prepare('SELECT id, subject FROM tickets WHERE subject LIKE ? OR body LIKE ? LIMIT 20');

export async function search(question: string) {
  const { text } = await generateText({ model: openai('gpt-4o-mini'), maxOutputTokens: 20, system: 'Reply with one keyword.', prompt: question });
  const pattern = `%${text.trim()}%`;
  const tickets = findTickets.all(pattern, pattern);
  const { text: column } = await generateText({ model: openai('gpt-4o-mini'), maxOutputTokens: 10, system: 'Name the column to sort by.', prompt: question });
  // expect: unvalidated-llm-output
  const sorted = db.prepare(`SELECT id, subject FROM tickets ORDER BY ${column} LIMIT 20`).all();
  return { tickets, sorted };
}
