// Fastify route protected by a JWT hook but with no @fastify/rate-limit registered.
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyJwt from '@fastify/jwt';
import { Mistral } from '@mistralai/mistralai';

const fastify = Fastify({ logger: true });
const mistral = new Mistral({ apiKey: process.env.MISTRAL_API_KEY });
await fastify.register(fastifyJwt, { secret: process.env.JWT_SECRET! });

async function verifyToken(request: FastifyRequest, reply: FastifyReply) {
  try {
    await request.jwtVerify();
  } catch {
    return reply.code(401).send({ error: 'Unauthorized' });
  }
}

// expect: missing-rate-limit
fastify.post('/api/complete', { onRequest: [verifyToken] }, async (request) => {
  const { text } = request.body as { text: string };
  const res = await mistral.chat.complete({
    model: 'mistral-small-latest',
    maxTokens: 400,
    messages: [{ role: 'user', content: text }],
  });
  return { completion: res.choices?.[0]?.message?.content };
});

await fastify.listen({ port: 3000 });
