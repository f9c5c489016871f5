// Hono app with Clerk auth on every request but no rate limiter in front of the model route.
import { Hono } from 'hono';
import { clerkMiddleware, getAuth } from '@hono/clerk-auth';
import { generateText } from 'ai';
import { groq } from '@ai-sdk/groq';

const app = new Hono();
app.use('*', clerkMiddleware());

// expect: missing-rate-limit
app.post('/api/title', async (c) => {
  const auth = getAuth(c);
  if (!auth?.userId) return c.json({ error: 'Unauthorized' }, 401);
  const { draft } = await c.req.json<{ draft: string }>();
  const { text } = await generateText({
    model: groq('llama-3.3-70b-versatile'),
    maxOutputTokens: 30,
    system: 'Suggest a short title for the blog post.',
    prompt: draft,
  });
  return c.json({ title: text });
});

export default app;
