// Public, unauthenticated routes that never reach an LLM; only /api/ask calls the model and it is protected.
import express from 'express';
import passport from 'passport';
import rateLimit from 'express-rate-limit';
import OpenAI from 'openai';

const app = express();
app.use(express.json());
const openai = new OpenAI();
const MODELS = ['gpt-4o-mini', 'gpt-4.1'] as const;

// ok: unauthenticated-llm-endpoint, missing-rate-limit
app.get('/api/models', (_req, res) => {
  res.json({ models: MODELS });
});

// ok: unauthenticated-llm-endpoint, missing-rate-limit
app.get('/healthz', (_req, res) => res.send('ok'));

app.post('/api/ask', passport.authenticate('jwt', { session: false }), rateLimit({ windowMs: 60_000, max: 10 }), async (req, res) => {
  const completion = await openai.chat.completions.create({
    model: MODELS[0],
    max_completion_tokens: 300,
    messages: [{ role: 'user', content: String(req.body.question) }],
  });
  res.json({ answer: completion.choices[0].message.content });
});

app.listen(3000);
