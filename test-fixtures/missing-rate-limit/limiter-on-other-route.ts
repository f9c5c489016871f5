// The login route has a limiter, but the authenticated chat route that reaches Gemini does not.
import express from 'express';
import passport from 'passport';
import rateLimit from 'express-rate-limit';
import { GoogleGenerativeAI } from '@google/generative-ai';

const app = express();
app.use(express.json());
const genAI = new GoogleGenerativeAI(process.env.GEMINI_API_KEY!);
const model = genAI.getGenerativeModel({ model: 'gemini-1.5-flash', generationConfig: { maxOutputTokens: 512 } });
const loginLimiter = rateLimit({ windowMs: 15 * 60_000, max: 5 });

// ok: missing-rate-limit
app.post('/api/login', loginLimiter, passport.authenticate('local'), (req, res) => {
  res.json({ ok: true });
});

// expect: missing-rate-limit
app.post('/api/chat', passport.authenticate('jwt', { session: false }), async (req, res) => {
  const result = await model.generateContent(String(req.body.message));
  res.json({ reply: result.response.text() });
});

app.listen(3000);
