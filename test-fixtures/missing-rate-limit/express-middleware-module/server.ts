// The summarize route uses the API-key check from ./middleware but not its rate limiter.
import express from 'express';
import OpenAI from 'openai';
import { limitByIp, requireApiKey } from './middleware';

const app = express();
app.use(express.json());
const openai = new OpenAI();

// expect: missing-rate-limit
app.post('/api/summarize', requireApiKey, async (req, res) => {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_completion_tokens: 300,
    messages: [
      { role: 'system', content: 'Summarize the user text in three sentences.' },
      { role: 'user', content: String(req.body.text) },
    ],
  });
  res.json({ summary: completion.choices[0].message.content });
});

// ok: missing-rate-limit
app.post('/api/translate', requireApiKey, limitByIp, async (req, res) => {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_completion_tokens: 300,
    messages: [
      { role: 'system', content: 'Translate the user text to French.' },
      { role: 'user', content: String(req.body.text) },
    ],
  });
  res.json({ text: completion.choices[0].message.content });
});

app.listen(3000);
