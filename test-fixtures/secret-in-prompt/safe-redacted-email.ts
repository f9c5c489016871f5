// SAFE: the complainant's email and text pass through redactPII() before they reach the prompt
import Anthropic from '@anthropic-ai/sdk';
import { redactPII } from './privacy';

interface Complaint {
  id: string;
  email: string;
  body: string;
}

const anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });

export async function triageComplaint(complaint: Complaint): Promise<string> {
  const msg = await anthropic.messages.create({
    model: 'claude-haiku-4-5',
    max_tokens: 300,
    system: 'Classify customer complaints as billing, shipping, product or other.',
    messages: [
      {
        role: 'user',
        // ok: secret-in-prompt
        content: `Sender: ${redactPII(complaint.email)}\n<complaint>\n${redactPII(complaint.body)}\n</complaint>`,
      },
    ],
  });
  return msg.content.map((b) => (b.type === 'text' ? b.text : '')).join('').trim();
}
