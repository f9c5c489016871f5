// The history route requires auth, but the Ollama-backed chat route next to it does not.
import express from 'express';
import passport from 'passport';
import rateLimit from 'express-rate-limit';
import ollama from 'ollama';

const router = express.Router();
const chatLimiter = rateLimit({ windowMs: 60_000, max: 20 });
const history: string[] = [];

// ok: unauthenticated-llm-endpoint
router.get('/history', passport.authenticate('jwt', { session: false }), (_req, res) => {
  res.json({ history });
});

// expect: unauthenticated-llm-endpoint
router.post('/chat', chatLimiter, async (req, res) => {
  const response = await ollama.chat({
    model: 'llama3.1',
    options: { num_predict: 300 },
    messages: [{ role: 'user', content: String(req.body.message) }],
  });
  history.push(response.message.content);
  res.json({ reply: response.message.content });
});

const app = express();
app.use(express.json());
app.use('/api', router);
app.listen(3000);
