// SAFE: only the opaque user id (not PII) goes into the prompt and the `safety_identifier`
import express, { type Request } from 'express';
import rateLimit from 'express-rate-limit';
import OpenAI from 'openai';
import { requireAuth } from './middleware/auth';
import { recentPurchases } from './orders';

type AuthedRequest = Request & { user: { id: string; email: string } };

const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
const app = express();

app.get('/api/recommendations', requireAuth, rateLimit({ windowMs: 60_000, max: 10 }), async (req, res) => {
  const userId = (req as AuthedRequest).user.id;
  const history = await recentPurchases(userId, 10);
  const completion = await openai.chat.completions.create({
    model: 'gpt-4.1-mini',
    max_completion_tokens: 400,
    safety_identifier: userId,
    messages: [
      // ok: secret-in-prompt
      { role: 'system', content: `Recommend three products for shopper ${userId}. Recent purchases: ${history.join(', ')}` },
    ],
  });
  res.json({ suggestions: completion.choices[0].message.content });
});

app.listen(3000);
