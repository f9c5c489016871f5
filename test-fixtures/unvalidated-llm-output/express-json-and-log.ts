// Express route that returns the model reply with res.json() and logs it: neither is an injection sink.
import express from 'express';
import passport from 'passport';
import rateLimit from 'express-rate-limit';
import pino from 'pino';
import Anthropic from '@anthropic-ai/sdk';

const app = express();
app.use(express.json());
const logger = pino();
const anthropic = new Anthropic();
const limiter = rateLimit({ windowMs: 60_000, max: 20 });

app.post('/api/assist', passport.authenticate('jwt', { session: false }), limiter, async (req, res) => {
  const message = await anthropic.messages.create({
    model: 'claude-haiku-4-5',
    max_tokens: 500,
    system: 'You are a concise writing assistant.',
    messages: [{ role: 'user', content: String(req.body.text) }],
  });
  const reply = message.content.find((b) => b.type === 'text')?.text ?? '';
  // ok: unvalidated-llm-output
  logger.info({ reply }, 'assistant reply');
  // ok: unvalidated-llm-output
  res.json({ reply });
});

app.listen(3000);
