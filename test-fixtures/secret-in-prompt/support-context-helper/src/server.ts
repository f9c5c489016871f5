// Express route: buildSupportContext() (other file) puts the user's email and phone into the AI SDK `system`
import express from 'express';
import rateLimit from 'express-rate-limit';
import passport from 'passport';
import { generateText } from 'ai';
import { google } from '@ai-sdk/google';
import { buildSupportContext, type AppUser } from './context';

const app = express();
app.use(express.json());
app.use(passport.initialize());
app.use(passport.session());

app.post('/api/assist', passport.authenticate('session'), rateLimit({ windowMs: 60_000, max: 20 }), async (req, res) => {
  const { text } = await generateText({
    model: google('gemini-2.5-flash'),
    maxOutputTokens: 800,
    // expect: secret-in-prompt
    system: buildSupportContext(req.user as AppUser),
    prompt: req.body.message,
  });
  res.json({ reply: text });
});

app.listen(3000);
