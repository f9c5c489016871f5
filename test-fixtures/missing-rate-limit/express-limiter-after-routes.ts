// The global limiter is registered after /api/summarize, so only /api/translate is rate limited.
import express from 'express';
import passport from 'passport';
import rateLimit from 'express-rate-limit';
import Anthropic from '@anthropic-ai/sdk';

const app = express();
const anthropic = new Anthropic();
app.use(express.json());
app.use(passport.authenticate('jwt', { session: false }));

async function ask(system: string, text: string) {
  const msg = await anthropic.messages.create({
    model: 'claude-haiku-4-5',
    max_tokens: 800,
    system,
    messages: [{ role: 'user', content: text }],
  });
  return msg.content.find((b) => b.type === 'text')?.text ?? '';
}

// expect: missing-rate-limit
app.post('/api/summarize', async (req, res) => {
  res.json({ summary: await ask('Summarize the text in three bullet points.', String(req.body.text)) });
});

app.use(rateLimit({ windowMs: 60_000, max: 20 }));

// ok: missing-rate-limit
app.post('/api/translate', async (req, res) => {
  res.json({ translation: await ask('Translate the text into English.', String(req.body.text)) });
});

app.listen(3000);
