import express from 'express';
import OpenAI from 'openai';
import { readTicket } from '@acme/helpdesk';
import { requireStaff } from '@acme/staff-auth';
import { budgetGate } from './budget';

const app = express();
const openai = new OpenAI();

// ok: missing-rate-limit, unauthenticated-llm-endpoint
app.post('/api/triage', requireStaff(), budgetGate, async (req, res) => {
  const ticket = await readTicket(Number(req.params.id));
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_completion_tokens: 200,
    messages: [
      // expect: prompt-injection
      { role: 'system', content: `You triage support tickets. Ticket: ${ticket}` },
      { role: 'user', content: 'Which team should handle it?' },
    ],
  });
  res.json({ team: completion.choices[0]?.message.content });
});

app.listen(3000);
