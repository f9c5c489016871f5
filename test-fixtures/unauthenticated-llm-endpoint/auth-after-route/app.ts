// app.use(requireAuth) comes after /api/draft, so only /api/polish is authenticated.
import express from 'express';
import rateLimit from 'express-rate-limit';
import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
import { requireAuth } from './middleware/auth';

const app = express();
app.use(express.json());
app.use(rateLimit({ windowMs: 60_000, max: 20 }));

async function write(system: string, input: string) {
  const { text } = await generateText({ model: openai('gpt-4o-mini'), maxOutputTokens: 700, system, prompt: input });
  return text;
}

// expect: unauthenticated-llm-endpoint
app.post('/api/draft', async (req, res) => {
  res.json({ draft: await write('Draft an email from the bullet points.', String(req.body.points)) });
});

app.use(requireAuth);

// ok: unauthenticated-llm-endpoint
app.post('/api/polish', async (req, res) => {
  res.json({ text: await write('Fix grammar and tone in the email.', String(req.body.draft)) });
});

app.listen(3000);
