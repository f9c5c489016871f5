// Runtime servers and cloud functions: Bun.serve, Google Cloud Functions, Azure Functions (a function key is the
// platform's auth), none rate limited.
import * as functions from '@google-cloud/functions-framework';
import { app } from '@azure/functions';
import Anthropic from '@anthropic-ai/sdk';

const anthropic = new Anthropic();
const answer = async (question: string) => {
  const msg = await anthropic.messages.create({ model: 'claude-3-5-haiku-latest', max_tokens: 300, messages: [{ role: 'user', content: question }] });
  return msg.content[0].type === 'text' ? msg.content[0].text : '';
};

async function handle(req: Request): Promise<Response> {
  const { question } = await req.json();
  return Response.json({ answer: await answer(String(question)) });
}

// expect: missing-rate-limit, unauthenticated-llm-endpoint
Bun.serve({ port: 3000, fetch: handle });

// expect: missing-rate-limit, unauthenticated-llm-endpoint
functions.http('ask', async (req, res) => {
  res.json({ answer: await answer(String(req.body.question)) });
});

// expect: missing-rate-limit
app.http('askPolicy', {
  methods: ['POST'],
  authLevel: 'function',
  handler: async (request) => {
    const { question } = (await request.json()) as { question: string };
    return { jsonBody: { answer: await answer(String(question)) } };
  },
});
