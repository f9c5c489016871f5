// An old code base adopting Promptward: findings accepted in a baseline, new ones reported.
import express from 'express';
import rateLimit from 'express-rate-limit';
import OpenAI from 'openai';
import { requireAuth } from './auth';

const app = express();
const openai = new OpenAI();
app.use(express.json());

app.post('/api/chat', requireAuth, rateLimit({ windowMs: 60_000, max: 20 }), async (req, res) => {
  // expect: missing-max-tokens
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [
      // expect: prompt-injection
      { role: 'system', content: `You are a ${req.body.persona} assistant.` },
      { role: 'user', content: String(req.body.question) },
    ],
  });
  res.json({ answer: completion.choices[0]?.message.content });
});

app.listen(3000);
