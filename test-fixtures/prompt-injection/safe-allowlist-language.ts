// SAFE: the target language is checked against an allowlist before it reaches the system prompt
import express from 'express';
import rateLimit from 'express-rate-limit';
import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
import { requireAuth } from './middleware/auth';

const ALLOWED_LANGUAGES = ['English', 'German', 'French', 'Spanish', 'Japanese'];

const app = express();
app.use(express.json());

app.post('/api/translate', requireAuth, rateLimit({ windowMs: 60_000, max: 30 }), async (req, res) => {
  const lang = String(req.body.lang);
  if (!ALLOWED_LANGUAGES.includes(lang)) {
    return res.status(400).json({ error: 'Unsupported language' });
  }

  const { text } = await generateText({
    model: openai('gpt-4.1-mini'),
    maxOutputTokens: 1000,
    // ok: prompt-injection
    system: `Translate the user's text into ${lang}. Output only the translation.`,
    prompt: req.body.text,
  });
  return res.json({ translation: text });
});

app.listen(3000);
