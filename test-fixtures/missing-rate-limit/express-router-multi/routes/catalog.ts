// Catalog router: authenticated, but the LLM route (via ../services/llm) has no limiter.
import { Router } from 'express';
import { requireAuth } from '../middleware/auth';
import { describeProduct } from '../services/llm';

export const catalogRouter = Router();

// expect: missing-rate-limit
catalogRouter.post('/products/describe', requireAuth, async (req, res) => {
  const description = await describeProduct(String(req.body.specs));
  res.json({ description });
});
