// SAFE: the client trusts the corporate CA explicitly instead of disabling verification
import https from 'node:https';
import { readFileSync } from 'node:fs';
import OpenAI from 'openai';

const corpAgent = new https.Agent({ ca: readFileSync('/etc/ssl/certs/acme-root-ca.pem'), keepAlive: true });

const openai = new OpenAI({
  apiKey: process.env.OPENAI_API_KEY,
  // ok: insecure-llm-transport
  httpAgent: corpAgent,
});

export async function clauseRisk(clause: string): Promise<string> {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_completion_tokens: 200,
    messages: [
      { role: 'system', content: 'Rate the legal risk of the contract clause as low, medium or high, with one reason.' },
      { role: 'user', content: clause },
    ],
  });
  return completion.choices[0].message.content ?? '';
}
