// Koa route: the company name from the request body is written into Cohere's v1 `preamble`
import Koa from 'koa';
import Router from '@koa/router';
import bodyParser from 'koa-bodyparser';
import ratelimit from 'koa-ratelimit';
import Redis from 'ioredis';
import { CohereClient } from 'cohere-ai';
import { requireAuth } from './middleware/auth';

const cohere = new CohereClient({ token: process.env.COHERE_API_KEY });
const app = new Koa();
const router = new Router();
const limiter = ratelimit({ driver: 'redis', db: new Redis(), duration: 60_000, max: 30 });

router.post('/chat', requireAuth, limiter, async (ctx) => {
  const { companyName, message } = ctx.request.body as { companyName: string; message: string };
  const response = await cohere.chat({
    model: 'command-r-plus',
    maxTokens: 500,
    // expect: prompt-injection
    preamble: `You are the virtual assistant of ${companyName}. Only answer questions about its products.`,
    // ok: prompt-injection
    message,
  });
  ctx.body = { reply: response.text };
});

app.use(bodyParser()).use(router.routes()).use(router.allowedMethods());
app.listen(3000);
