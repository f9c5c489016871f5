// Router whose LLM route uses the throttle middleware from ../middleware/throttle.
import { Router } from 'express';
import passport from 'passport';
import { Ollama } from 'ollama';
import { throttle } from '../middleware/throttle';

const ollama = new Ollama();
export const assistRouter = Router();

// ok: missing-rate-limit
assistRouter.post('/assist', passport.authenticate('jwt', { session: false }), throttle, async (req, res) => {
  const response = await ollama.chat({
    model: 'llama3.1',
    options: { num_predict: 400 },
    messages: [{ role: 'user', content: String(req.body.message) }],
  });
  res.json({ reply: response.message.content });
});
