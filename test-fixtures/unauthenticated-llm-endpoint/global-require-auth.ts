// A global requireAuth middleware registered before every route authenticates the LLM endpoints.
import express, { type NextFunction, type Request, type Response } from 'express';
import rateLimit from 'express-rate-limit';
import session from 'express-session';
import Anthropic from '@anthropic-ai/sdk';

const app = express();
const anthropic = new Anthropic();
app.use(express.json());
app.use(session({ secret: process.env.SESSION_SECRET!, resave: false, saveUninitialized: false }));

function requireAuth(req: Request, res: Response, next: NextFunction) {
  if (!req.session.userId) return res.status(401).json({ error: 'Unauthorized' });
  next();
}

app.use(requireAuth);
app.use(rateLimit({ windowMs: 60_000, max: 30 }));

// ok: unauthenticated-llm-endpoint
app.post('/api/outline', async (req, res) => {
  const msg = await anthropic.messages.create({
    model: 'claude-sonnet-4-5',
    max_tokens: 1200,
    system: 'Produce a structured outline for the essay topic.',
    messages: [{ role: 'user', content: String(req.body.topic) }],
  });
  res.json({ outline: msg.content.find((b) => b.type === 'text')?.text });
});

app.listen(3000);
