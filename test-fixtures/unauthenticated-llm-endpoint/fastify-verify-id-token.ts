// Fastify preHandler verifies a Firebase ID token (verifyIdToken) before the rate-limited model route.
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { GoogleGenAI } from '@google/genai';

initializeApp();
const fastify = Fastify();
const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });
await fastify.register(rateLimit, { max: 20, timeWindow: '1 minute' });

async function authenticate(request: FastifyRequest, reply: FastifyReply) {
  const token = request.headers.authorization?.replace('Bearer ', '') ?? '';
  try {
    await getAuth().verifyIdToken(token);
  } catch {
    return reply.code(401).send({ error: 'Unauthorized' });
  }
}

// ok: unauthenticated-llm-endpoint
fastify.post('/api/recipe', { preHandler: authenticate }, async (request) => {
  const { ingredients } = request.body as { ingredients: string };
  const response = await ai.models.generateContent({
    model: 'gemini-2.5-flash',
    contents: ingredients,
    config: { systemInstruction: 'Suggest one recipe using the listed ingredients.', maxOutputTokens: 700 },
  });
  return { recipe: response.text };
});

await fastify.listen({ port: 3000 });
