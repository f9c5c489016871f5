// node:http server throttled with rate-limiter-flexible but without any credential check.
import http from 'node:http';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { Mistral } from '@mistralai/mistralai';

const mistral = new Mistral({ apiKey: process.env.MISTRAL_API_KEY });
const limiter = new RateLimiterMemory({ points: 20, duration: 60 });

// expect: unauthenticated-llm-endpoint
const server = http.createServer(async (req, res) => {
  try {
    await limiter.consume(req.socket.remoteAddress ?? 'unknown');
  } catch {
    res.writeHead(429).end('Too many requests');
    return;
  }
  let body = '';
  for await (const chunk of req) body += chunk;
  const { text } = JSON.parse(body) as { text: string };
  const result = await mistral.chat.complete({
    model: 'mistral-small-latest',
    maxTokens: 300,
    messages: [{ role: 'user', content: text }],
  });
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ reply: result.choices?.[0]?.message?.content }));
});

server.listen(8080);
