// Router whose translate route (via ../services/translate) is throttled but never authenticated.
import { Router } from 'express';
import { translateRateLimit } from '../middleware/limits';
import { translateToEnglish } from '../services/translate';

export const translateRouter = Router();

// expect: unauthenticated-llm-endpoint
translateRouter.post('/translate', translateRateLimit, async (req, res) => {
  const translation = await translateToEnglish(String(req.body.text ?? ''));
  res.json({ translation });
});
