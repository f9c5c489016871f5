// SAFE: request text is sent alone as the user message; the system prompt is a constant
import express from 'express';
import rateLimit from 'express-rate-limit';
import OpenAI from 'openai';
import { requireAuth } from './middleware/auth';

const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
const SYSTEM_PROMPT = 'You are a concise assistant for the Acme developer portal. Refuse unrelated requests.';

const app = express();
app.use(express.json());
app.use('/api', rateLimit({ windowMs: 60_000, max: 30 }));

app.post('/api/chat', requireAuth, async (req, res) => {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4.1-mini',
    max_completion_tokens: 500,
    messages: [
      { role: 'system', content: SYSTEM_PROMPT },
      // ok: prompt-injection
      { role: 'user', content: req.body.message },
    ],
  });
  res.json({ reply: completion.choices[0].message.content });
});

app.listen(3000);
