// Express handler that returns 401 early when passport's session has no req.user.
import express from 'express';
import session from 'express-session';
import passport from 'passport';
import rateLimit from 'express-rate-limit';
import { generateText } from 'ai';
import { anthropic } from '@ai-sdk/anthropic';

const app = express();
app.use(express.json());
app.use(session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false }));
app.use(passport.session());
const limiter = rateLimit({ windowMs: 60_000, max: 20 });

// ok: unauthenticated-llm-endpoint
app.post('/api/rewrite', limiter, async (req, res) => {
  if (!req.user) return res.status(401).json({ error: 'Login required' });
  const { text } = await generateText({
    model: anthropic('claude-haiku-4-5'),
    maxOutputTokens: 500,
    system: 'Rewrite the paragraph in plain English.',
    prompt: String(req.body.paragraph),
  });
  res.json({ text });
});

app.listen(3000);
