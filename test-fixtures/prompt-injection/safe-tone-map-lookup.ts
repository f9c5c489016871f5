// SAFE: the request picks a key of a constant map; only the constant text reaches the system prompt
import express from 'express';
import rateLimit from 'express-rate-limit';
import Groq from 'groq-sdk';
import { requireAuth } from './middleware/auth';

const groq = new Groq({ apiKey: process.env.GROQ_API_KEY });

const TONES: Record<string, string> = {
  formal: 'Write in a formal, precise register.',
  casual: 'Write in a relaxed, friendly register.',
  neutral: 'Write in a plain, neutral register.',
};

const app = express();
app.use(express.json());

app.post('/api/reply', requireAuth, rateLimit({ windowMs: 60_000, max: 20 }), async (req, res) => {
  const style = TONES[req.body.tone] ?? TONES.neutral;
  const chat = await groq.chat.completions.create({
    model: 'llama-3.1-8b-instant',
    max_completion_tokens: 400,
    messages: [
      // ok: prompt-injection
      { role: 'system', content: `You draft email replies. ${style}` },
      { role: 'user', content: req.body.thread },
    ],
  });
  res.json({ draft: chat.choices[0]?.message?.content });
});

app.listen(3000);
