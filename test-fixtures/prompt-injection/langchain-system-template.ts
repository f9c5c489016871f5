// Express route: a request field fills the {language} variable of the LangChain *system* template
import express from 'express';
import rateLimit from 'express-rate-limit';
import { ChatPromptTemplate } from '@langchain/core/prompts';
import { StringOutputParser } from '@langchain/core/output_parsers';
import { ChatAnthropic } from '@langchain/anthropic';
import { requireAuth } from './middleware/auth';

const prompt = ChatPromptTemplate.fromMessages([
  ['system', 'You are a professional translator. Translate the user text into {language}. Output only the translation.'],
  ['human', '{text}'],
]);
const model = new ChatAnthropic({ model: 'claude-haiku-4-5', maxTokens: 1024 });
const chain = prompt.pipe(model).pipe(new StringOutputParser());

const app = express();
app.use(express.json());

app.post('/api/translate', requireAuth, rateLimit({ windowMs: 60_000, max: 30 }), async (req, res) => {
  const translation = await chain.invoke({
    // expect: prompt-injection
    language: req.body.language,
    // ok: prompt-injection
    text: req.body.text,
  });
  res.json({ translation });
});

app.listen(8080);
