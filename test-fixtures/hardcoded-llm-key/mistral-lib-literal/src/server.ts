// Express route that uses the client exported by lib/mistral.ts
import express from 'express';
import rateLimit from 'express-rate-limit';
import { requireAuth } from './middleware/auth';
import { mistral, MODEL, MAX_TOKENS } from './lib/mistral';

const app = express();
app.use(express.json());

app.post('/api/keywords', requireAuth, rateLimit({ windowMs: 60_000, max: 20 }), async (req, res) => {
  const result = await mistral.chat.complete({
    model: MODEL,
    maxTokens: MAX_TOKENS,
    messages: [
      { role: 'system', content: 'Extract up to ten SEO keywords from the text, comma separated.' },
      { role: 'user', content: String(req.body.text) },
    ],
  });
  res.json({ keywords: result.choices?.[0]?.message?.content });
});

app.listen(3000);
