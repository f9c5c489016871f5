// Express route: the DATABASE_URL connection string is pasted into the system prompt of a SQL helper
import express from 'express';
import rateLimit from 'express-rate-limit';
import OpenAI from 'openai';
import { requireAuth } from './middleware/auth';
import { schemaSummary } from './db/schema';

const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
const app = express();
app.use(express.json());

app.post('/api/sql-help', requireAuth, rateLimit({ windowMs: 60_000, max: 10 }), async (req, res) => {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4.1',
    max_completion_tokens: 700,
    messages: [
      {
        role: 'system',
        // expect: secret-in-prompt
        content: `You help analysts write PostgreSQL. Database: ${process.env.DATABASE_URL}\nSchema:\n${schemaSummary}`,
      },
      { role: 'user', content: req.body.question },
    ],
  });
  res.json({ sql: completion.choices[0].message.content });
});

app.listen(3000);
