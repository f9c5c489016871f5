// Express route authenticated with passport-jwt on the route itself and rate limited.
import express from 'express';
import passport from 'passport';
import { Strategy as JwtStrategy, ExtractJwt } from 'passport-jwt';
import rateLimit from 'express-rate-limit';
import OpenAI from 'openai';

passport.use(new JwtStrategy(
  { jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: process.env.JWT_SECRET! },
  (payload: { sub: string }, done: (err: unknown, user?: { id: string }) => void) => done(null, { id: payload.sub }),
));

const app = express();
app.use(express.json());
const openai = new OpenAI();

// ok: unauthenticated-llm-endpoint
app.post('/api/chat', passport.authenticate('jwt', { session: false }), rateLimit({ windowMs: 60_000, max: 20 }), async (req, res) => {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_completion_tokens: 500,
    messages: [{ role: 'user', content: String(req.body.message) }],
  });
  res.json({ reply: completion.choices[0].message.content });
});

app.listen(3000);
