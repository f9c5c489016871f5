// Hono route: a query parameter is interpolated into the OpenAI Responses API `instructions`
import { Hono } from 'hono';
import { clerkMiddleware, getAuth } from '@hono/clerk-auth';
import { rateLimiter } from 'hono-rate-limiter';
import OpenAI from 'openai';

const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
const app = new Hono();

app.use('*', clerkMiddleware());
app.use('/api/*', rateLimiter({ windowMs: 60_000, limit: 20, keyGenerator: (c) => c.req.header('cf-connecting-ip') ?? 'anon' }));

app.post('/api/coach', async (c) => {
  const session = getAuth(c);
  if (!session?.userId) return c.json({ error: 'Unauthorized' }, 401);

  const persona = c.req.query('persona') ?? 'friendly coach';
  const { question } = await c.req.json();

  const response = await openai.responses.create({
    model: 'gpt-4.1-mini',
    max_output_tokens: 600,
    // expect: prompt-injection
    instructions: `You are a ${persona} for the FitTrack app. Keep answers under 100 words.`,
    // ok: prompt-injection
    input: question,
  });
  return c.json({ answer: response.output_text });
});

export default app;
