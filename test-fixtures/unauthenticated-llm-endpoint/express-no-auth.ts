// Public express chat route: rate limited, but anyone on the internet can spend the OpenAI budget.
import express from 'express';
import rateLimit from 'express-rate-limit';
import OpenAI from 'openai';

const app = express();
app.use(express.json());
const openai = new OpenAI();
const limiter = rateLimit({ windowMs: 60_000, max: 10 });

// expect: unauthenticated-llm-endpoint
app.post('/api/chat', limiter, async (req, res) => {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o',
    max_completion_tokens: 600,
    messages: [
      { role: 'system', content: 'You are the assistant for our store.' },
      { role: 'user', content: String(req.body.message) },
    ],
  });
  res.json({ reply: completion.choices[0].message.content });
});

app.listen(3000);
