// Hono route behind hono-rate-limiter only: no auth middleware and no session check.
import { Hono } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import { streamText } from 'ai';
import { openai } from '@ai-sdk/openai';

const app = new Hono();
app.use(rateLimiter({ windowMs: 60_000, limit: 10, keyGenerator: (c) => c.req.header('cf-connecting-ip') ?? '' }));

// expect: unauthenticated-llm-endpoint
app.post('/api/chat', async (c) => {
  const { message } = await c.req.json<{ message: string }>();
  const result = streamText({
    model: openai('gpt-4o-mini'),
    maxOutputTokens: 500,
    messages: [{ role: 'user', content: message }],
  });
  return result.toTextStreamResponse();
});

export default app;
