// Express "smart search": the model chooses a destination and res.redirect() follows it (open redirect).
import express from 'express';
import rateLimit from 'express-rate-limit';
import passport from 'passport';
import OpenAI from 'openai';

const app = express();
const openai = new OpenAI();
const limiter = rateLimit({ windowMs: 60_000, max: 30 });

app.get('/go', passport.authenticate('jwt', { session: false }), limiter, async (req, res) => {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_completion_tokens: 60,
    messages: [
      { role: 'system', content: 'Map the search to the best page on docs.example.com. Reply with the URL only.' },
      { role: 'user', content: String(req.query.q ?? '') },
    ],
  });
  const target = completion.choices[0].message.content?.trim() ?? '/';
  // expect: unvalidated-llm-output
  res.redirect(target);
});

app.listen(3000);
