// Koa router route with koa-ratelimit but no authentication before the Bedrock call.
import Koa from 'koa';
import Router from '@koa/router';
import { bodyParser } from '@koa/bodyparser';
import ratelimit from 'koa-ratelimit';
import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';

const app = new Koa();
const router = new Router();
const bedrock = new BedrockRuntimeClient({ region: 'us-east-1' });
const askRateLimit = ratelimit({ driver: 'memory', db: new Map(), duration: 60_000, max: 10, id: (ctx) => ctx.ip });

// expect: unauthenticated-llm-endpoint
router.post('/api/ask', askRateLimit, async (ctx) => {
  const { question } = ctx.request.body as { question: string };
  const out = await bedrock.send(new ConverseCommand({
    modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
    messages: [{ role: 'user', content: [{ text: question }] }],
    inferenceConfig: { maxTokens: 500 },
  }));
  ctx.body = { answer: out.output?.message?.content?.[0]?.text };
});

app.use(bodyParser()).use(router.routes());
app.listen(3000);
