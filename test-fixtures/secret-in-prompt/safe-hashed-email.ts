// SAFE: the lead's email is hashed before it is used as a reference in the prompt
import { generateText } from 'ai';
import { anthropic } from '@ai-sdk/anthropic';
import { hashEmail } from './crypto';

interface Lead {
  email: string;
  company: string;
  jobTitle: string;
  employees: number;
}

export async function scoreLead(lead: Lead): Promise<number> {
  const { text } = await generateText({
    model: anthropic('claude-haiku-4-5'),
    maxOutputTokens: 10,
    system: 'Score B2B sales leads from 1 (poor) to 10 (excellent). Reply with the number only.',
    // ok: secret-in-prompt
    prompt: `Lead ${hashEmail(lead.email)}: ${lead.jobTitle} at ${lead.company} (${lead.employees} employees).`,
  });
  const score = Number.parseInt(text, 10);
  return Number.isNaN(score) ? 0 : Math.min(Math.max(score, 1), 10);
}
