// Hono app with hono-rate-limiter applied to every request before the model route.
import { Hono } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import { clerkMiddleware, getAuth } from '@hono/clerk-auth';
import { GoogleGenAI } from '@google/genai';

const app = new Hono();
const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });
app.use(clerkMiddleware());
app.use(rateLimiter({ windowMs: 60_000, limit: 20, keyGenerator: (c) => getAuth(c)?.userId ?? 'anonymous' }));

// ok: missing-rate-limit
app.post('/api/alt-text', async (c) => {
  const auth = getAuth(c);
  if (!auth?.userId) return c.json({ error: 'Unauthorized' }, 401);
  const { description } = await c.req.json<{ description: string }>();
  const response = await ai.models.generateContent({
    model: 'gemini-2.5-flash',
    contents: description,
    config: { systemInstruction: 'Write concise alt text for the image description.', maxOutputTokens: 80 },
  });
  return c.json({ alt: response.text });
});

export default app;
