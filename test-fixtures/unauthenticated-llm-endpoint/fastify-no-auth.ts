// Fastify with @fastify/rate-limit registered, but the model route has no authentication hook.
import Fastify from 'fastify';
import rateLimit from '@fastify/rate-limit';
import Groq from 'groq-sdk';

const fastify = Fastify({ logger: true });
const groq = new Groq({ apiKey: process.env.GROQ_API_KEY });
await fastify.register(rateLimit, { max: 30, timeWindow: '1 minute' });

// expect: unauthenticated-llm-endpoint
fastify.post('/api/classify', async (request) => {
  const { ticket } = request.body as { ticket: string };
  const completion = await groq.chat.completions.create({
    model: 'llama-3.1-8b-instant',
    max_completion_tokens: 20,
    messages: [
      { role: 'system', content: 'Classify the support ticket as billing, bug or other. Reply with one word.' },
      { role: 'user', content: ticket },
    ],
  });
  return { label: completion.choices[0]?.message?.content };
});

await fastify.listen({ port: 3000 });
