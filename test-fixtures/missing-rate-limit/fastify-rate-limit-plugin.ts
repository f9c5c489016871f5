// @fastify/rate-limit is registered globally, so the authenticated completion route is throttled.
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import fastifyJwt from '@fastify/jwt';
import Anthropic from '@anthropic-ai/sdk';

const fastify = Fastify();
const anthropic = new Anthropic();
await fastify.register(rateLimit, { max: 20, timeWindow: '1 minute' });
await fastify.register(fastifyJwt, { secret: process.env.JWT_SECRET! });

async function verifyToken(request: FastifyRequest, reply: FastifyReply) {
  try {
    await request.jwtVerify();
  } catch {
    return reply.code(401).send({ error: 'Unauthorized' });
  }
}

// ok: missing-rate-limit
fastify.post('/api/explain', { onRequest: [verifyToken] }, async (request) => {
  const { code } = request.body as { code: string };
  const msg = await anthropic.messages.create({
    model: 'claude-haiku-4-5',
    max_tokens: 600,
    system: 'Explain what the code does.',
    messages: [{ role: 'user', content: code }],
  });
  return { explanation: msg.content.find((b) => b.type === 'text')?.text };
});

await fastify.listen({ port: 3000 });
