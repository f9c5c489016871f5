// SAFE: a query parameter is converted with Number() before it is interpolated into the instruction prompt
import { Hono } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import { Mistral } from '@mistralai/mistralai';
import { requireAuth } from './middleware/auth';

const mistral = new Mistral({ apiKey: process.env.MISTRAL_API_KEY });
const app = new Hono();

app.use('/api/*', requireAuth);
app.use('/api/*', rateLimiter({ windowMs: 60_000, limit: 15, keyGenerator: (c) => c.req.header('x-user-id') ?? 'anon' }));

app.get('/api/names', async (c) => {
  const count = Math.min(Number(c.req.query('n')) || 5, 20);
  const res = await mistral.chat.complete({
    model: 'mistral-small-latest',
    maxTokens: 300,
    messages: [
      // ok: prompt-injection
      { role: 'user', content: `Suggest ${count} short, memorable names for a neighborhood coffee shop.` },
    ],
  });
  return c.json({ names: res.choices?.[0]?.message?.content });
});

export default app;
