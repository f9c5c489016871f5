// Express route: the x-tenant-name header is handed to buildSupportAgent() in another file
import express from 'express';
import rateLimit from 'express-rate-limit';
import { isAuthenticated } from './auth';
import { buildSupportAgent } from './agent';

const app = express();
app.use(express.json());
app.use(rateLimit({ windowMs: 60_000, max: 20 }));

app.post('/api/helpdesk', isAuthenticated, async (req, res) => {
  const agent = buildSupportAgent(String(req.headers['x-tenant-name']));
  const result = await agent.invoke({
    messages: [{ role: 'user', content: req.body.message }],
  });
  res.json({ reply: result.messages.at(-1)?.content });
});

app.listen(3000);
