// hapi: every route authenticates with the default JWT strategy unless it opts out with `auth: false`.
import Hapi from '@hapi/hapi';
import Jwt from '@hapi/jwt';
import OpenAI from 'openai';

const openai = new OpenAI();
const explain = async (question) => {
  const r = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_completion_tokens: 300,
    messages: [{ role: 'system', content: 'Explain insurance terms plainly.' }, { role: 'user', content: String(question) }],
  });
  return r.choices[0].message.content;
};

const server = Hapi.server({ port: 3000 });
await server.register(Jwt);
server.auth.strategy('member', 'jwt', { keys: process.env.JWT_SECRET, verify: { aud: false, iss: false, sub: false }, validate: () => ({ isValid: true }) });
server.auth.default('member');

// expect: missing-rate-limit
server.route({ method: 'POST', path: '/api/members/explain', handler: async (request) => ({ answer: await explain(request.payload.question) }) });

// expect: missing-rate-limit, unauthenticated-llm-endpoint
server.route({ method: 'POST', path: '/api/public/explain', options: { auth: false }, handler: async (request) => ({ answer: await explain(request.payload.question) }) });

server.route({ method: 'GET', path: '/api/public/terms', options: { auth: false }, handler: () => ({ terms: ['premium', 'deductible'] }) });

await server.start();
