// Express route: the model writes SQL for a question and the text is sent to pg's pool.query().
import express from 'express';
import passport from 'passport';
import rateLimit from 'express-rate-limit';
import { Pool } from 'pg';
import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';

const app = express();
app.use(express.json());
const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const limiter = rateLimit({ windowMs: 60_000, max: 20 });

const SCHEMA_HINT = 'Tables: orders(id, customer_id, total, created_at), customers(id, name, country).';

app.post('/api/ask-data', passport.authenticate('jwt', { session: false }), limiter, async (req, res) => {
  const { text: sql } = await generateText({
    model: openai('gpt-4o-mini'),
    maxOutputTokens: 400,
    system: `Translate the question into one PostgreSQL SELECT statement. ${SCHEMA_HINT} Reply with SQL only.`,
    prompt: String(req.body.question),
  });
  // expect: unvalidated-llm-output
  const { rows } = await pool.query(sql);
  res.json({ rows });
});

app.listen(3000);
