// FAQ bot: signed-in users ask questions about the product; the question goes in the user message only.
import express from 'express';
import passport from 'passport';
import rateLimit from 'express-rate-limit';
import OpenAI from 'openai';

const app = express();
const openai = new OpenAI();
const limiter = rateLimit({ windowMs: 60_000, max: 20 });
app.use(express.json());

app.post('/api/faq', passport.authenticate('bearer', { session: false }), limiter, async (req, res) => {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_completion_tokens: 300,
    messages: [
      { role: 'system', content: 'You answer questions about the Acme product from its public FAQ.' },
      { role: 'user', content: String(req.body.question) },
    ],
  });
  res.json({ answer: completion.choices[0].message.content });
});

app.listen(3000);
