// Only the chat route reaches the model (and is limited); the feedback and health routes never call an LLM.
import express from 'express';
import passport from 'passport';
import rateLimit from 'express-rate-limit';
import { Pool } from 'pg';
import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';

const app = express();
app.use(express.json());
const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const chatLimiter = rateLimit({ windowMs: 60_000, max: 20 });

app.post('/api/chat', passport.authenticate('jwt', { session: false }), chatLimiter, async (req, res) => {
  const { text } = await generateText({ model: openai('gpt-4o-mini'), maxOutputTokens: 400, prompt: String(req.body.message) });
  res.json({ reply: text });
});

// ok: missing-rate-limit
app.post('/api/feedback', passport.authenticate('jwt', { session: false }), async (req, res) => {
  await pool.query('INSERT INTO feedback (rating, comment) VALUES ($1, $2)', [Number(req.body.rating), String(req.body.comment)]);
  res.status(204).end();
});

// ok: missing-rate-limit, unauthenticated-llm-endpoint
app.get('/healthz', (_req, res) => {
  res.json({ status: 'ok' });
});

app.listen(3000);
