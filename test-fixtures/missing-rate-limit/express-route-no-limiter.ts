// Authenticated express chat route with no rate limiter anywhere: every request spends tokens.
import express from 'express';
import passport from 'passport';
import OpenAI from 'openai';

const app = express();
app.use(express.json());
const openai = new OpenAI();

// expect: missing-rate-limit
app.post('/api/chat', passport.authenticate('jwt', { session: false }), async (req, res) => {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_completion_tokens: 500,
    messages: [
      { role: 'system', content: 'You are a helpful support assistant.' },
      { role: 'user', content: String(req.body.message) },
    ],
  });
  res.json({ reply: completion.choices[0].message.content });
});

app.listen(3000);
