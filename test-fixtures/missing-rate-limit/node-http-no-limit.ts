// Plain node:http server that verifies a Clerk token but never throttles callers.
import http from 'node:http';
import { verifyToken } from '@clerk/backend';
import OpenAI from 'openai';

const openai = new OpenAI();

// expect: missing-rate-limit
const server = http.createServer(async (req, res) => {
  const token = req.headers.authorization?.replace('Bearer ', '') ?? '';
  const claims = await verifyToken(token, { secretKey: process.env.CLERK_SECRET_KEY }).catch(() => null);
  if (!claims) {
    res.writeHead(401).end('Unauthorized');
    return;
  }
  let body = '';
  for await (const chunk of req) body += chunk;
  const { message } = JSON.parse(body) as { message: string };
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_completion_tokens: 400,
    messages: [{ role: 'user', content: message }],
  });
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ reply: completion.choices[0].message.content }));
});

server.listen(8080);
