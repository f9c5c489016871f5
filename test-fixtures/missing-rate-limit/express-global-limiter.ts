// A global express-rate-limit middleware registered before the routes covers every LLM route.
import express from 'express';
import passport from 'passport';
import rateLimit from 'express-rate-limit';
import OpenAI from 'openai';

const app = express();
const openai = new OpenAI();
app.use(express.json());
app.use(rateLimit({ windowMs: 60_000, max: 30, standardHeaders: 'draft-7', legacyHeaders: false }));

async function reply(system: string, user: string) {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_completion_tokens: 400,
    messages: [
      { role: 'system', content: system },
      { role: 'user', content: user },
    ],
  });
  return completion.choices[0].message.content;
}

// ok: missing-rate-limit
app.post('/api/chat', passport.authenticate('jwt', { session: false }), async (req, res) => {
  res.json({ reply: await reply('You are a friendly assistant.', String(req.body.message)) });
});

// ok: missing-rate-limit
app.post('/api/tagline', passport.authenticate('jwt', { session: false }), async (req, res) => {
  res.json({ tagline: await reply('Write a one-line tagline for the product.', String(req.body.product)) });
});

app.listen(3000);
