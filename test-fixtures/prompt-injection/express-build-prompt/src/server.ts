// Express route: the review text goes through buildReviewPrompt() (other file) into one mixed instruction prompt
import express from 'express';
import rateLimit from 'express-rate-limit';
import Anthropic from '@anthropic-ai/sdk';
import { requireAuth } from './middleware/auth';
import { buildReviewPrompt, REVIEW_MODEL } from './prompts';

const app = express();
app.use(express.json());
const anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });
const limiter = rateLimit({ windowMs: 60_000, max: 20 });

app.post('/api/reviews/summarize', requireAuth, limiter, async (req, res) => {
  const message = await anthropic.messages.create({
    model: REVIEW_MODEL,
    max_tokens: 300,
    messages: [
      // expect: prompt-injection
      { role: 'user', content: buildReviewPrompt(req.body.review) },
    ],
  });
  const block = message.content[0];
  res.json({ result: block.type === 'text' ? block.text : null });
});

app.listen(3000);
