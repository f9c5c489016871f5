// SAFE: the user message is only a label plus the user's text; instructions live in a constant system prompt
import Fastify from 'fastify';
import rateLimit from '@fastify/rate-limit';
import Anthropic from '@anthropic-ai/sdk';
import { verifyToken } from './auth';

const anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });
const app = Fastify();
await app.register(rateLimit, { max: 30, timeWindow: '1 minute' });

app.post<{ Body: { question: string } }>('/faq', { preHandler: verifyToken }, async (request) => {
  const { question } = request.body;
  const msg = await anthropic.messages.create({
    model: 'claude-haiku-4-5',
    max_tokens: 400,
    system: 'Answer questions about the Acme return policy in two sentences.',
    messages: [
      // ok: prompt-injection
      { role: 'user', content: `Question: ${question}` },
    ],
  });
  return { answer: msg.content.map((b) => (b.type === 'text' ? b.text : '')).join('') };
});

await app.listen({ port: 3000 });
