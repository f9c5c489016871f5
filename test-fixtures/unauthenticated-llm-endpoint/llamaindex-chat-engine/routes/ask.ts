// A LlamaIndex chat engine behind a public route: the engine calls the configured model.
import { Router } from 'express';
import rateLimit from 'express-rate-limit';
import { chatEngine } from '../engine';

export const askRouter = Router();
askRouter.use(rateLimit({ windowMs: 60_000, limit: 20 }));

// expect: unauthenticated-llm-endpoint
askRouter.post('/ask', async (req, res) => {
  const engine = await chatEngine();
  const response = await engine.chat({ message: String(req.body.message ?? '') });
  res.json({ answer: response.message.content });
});

// ok: unauthenticated-llm-endpoint
askRouter.get('/health', (_req, res) => res.json({ ok: true }));
