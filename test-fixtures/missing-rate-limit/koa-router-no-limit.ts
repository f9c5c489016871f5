// Koa router: ask route guarded by requireAuth but with no rate limiting.
import Koa, { type Context, type Next } from 'koa';
import Router from '@koa/router';
import { bodyParser } from '@koa/bodyparser';
import { CohereClientV2 } from 'cohere-ai';

const app = new Koa();
const router = new Router();
const cohere = new CohereClientV2({ token: process.env.COHERE_API_KEY });

async function requireAuth(ctx: Context, next: Next) {
  if (!ctx.state.user) ctx.throw(401, 'Unauthorized');
  await next();
}

// expect: missing-rate-limit
router.post('/api/ask', requireAuth, async (ctx) => {
  const { question } = ctx.request.body as { question: string };
  const response = await cohere.chat({
    model: 'command-r-08-2024',
    maxTokens: 500,
    messages: [{ role: 'user', content: question }],
  });
  ctx.body = { answer: response.message?.content?.[0]?.text };
});

app.use(bodyParser()).use(router.routes()).use(router.allowedMethods());
app.listen(3000);
