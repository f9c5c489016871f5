// SAFE: the untrusted question only fills a *human* template variable; the system template has no variables
import express from 'express';
import rateLimit from 'express-rate-limit';
import passport from 'passport';
import { ChatPromptTemplate } from '@langchain/core/prompts';
import { ChatOpenAI } from '@langchain/openai';

const prompt = ChatPromptTemplate.fromMessages([
  ['system', 'You answer questions about the Acme public API. Say "I don\'t know" when unsure.'],
  // ok: prompt-injection
  ['human', '{question}'],
]);
const chain = prompt.pipe(new ChatOpenAI({ model: 'gpt-4.1-mini', maxTokens: 600 }));

const app = express();
app.use(express.json());

app.post(
  '/api/ask',
  passport.authenticate('jwt', { session: false }),
  rateLimit({ windowMs: 60_000, max: 20 }),
  async (req, res) => {
    // ok: prompt-injection
    const answer = await chain.invoke({ question: req.body.question });
    res.json({ answer: answer.text });
  },
);

app.listen(3000);
