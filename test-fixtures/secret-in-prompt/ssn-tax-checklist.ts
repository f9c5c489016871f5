// Batch job: a client's SSN is interpolated into the user prompt sent to Claude
import Anthropic from '@anthropic-ai/sdk';
import { db } from './db';

const anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });

export async function buildFilingChecklist(clientId: string): Promise<string> {
  const client = await db.taxClient.findUniqueOrThrow({ where: { id: clientId } });
  const msg = await anthropic.messages.create({
    model: 'claude-haiku-4-5',
    max_tokens: 600,
    system: 'You prepare US federal tax filing checklists for accountants.',
    messages: [
      {
        role: 'user',
        // expect: secret-in-prompt
        content: `Prepare a filing checklist for ${client.fullName}, SSN ${client.ssn}, filing status ${client.filingStatus}.`,
      },
    ],
  });
  return msg.content.map((b) => (b.type === 'text' ? b.text : '')).join('');
}

export async function runNightly() {
  const due = await db.taxClient.findMany({ where: { checklistDue: true }, select: { id: true } });
  for (const { id } of due) {
    await db.checklist.create({ data: { clientId: id, body: await buildFilingChecklist(id) } });
  }
}
