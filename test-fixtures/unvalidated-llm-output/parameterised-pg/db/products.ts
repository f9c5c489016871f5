// Product lookups: the model-chosen category is a bound parameter ($1), never part of the SQL text.
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

export async function findByCategory(category: string) {
  // ok: unvalidated-llm-output
  const { rows } = await pool.query('SELECT id, name, price FROM products WHERE category = $1 LIMIT 20', [category]);
  return rows;
}
