// LangChain model writes a WHERE clause that is spliced into knex.raw() SQL text.
import knex from 'knex';
import { ChatOpenAI } from '@langchain/openai';
import { HumanMessage, SystemMessage } from '@langchain/core/messages';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL });
const llm = new ChatOpenAI({ model: 'gpt-4o-mini', maxTokens: 200, temperature: 0 });

export async function searchListings(filterRequest: string) {
  const msg = await llm.invoke([
    new SystemMessage('Convert the request into a SQL WHERE clause over columns price, city, bedrooms. Clause only.'),
    new HumanMessage(filterRequest),
  ]);
  const where = String(msg.content);
  // expect: unvalidated-llm-output
  const result = await db.raw(`SELECT id, title, price FROM listings WHERE ${where} LIMIT 50`);
  return result.rows;
}
