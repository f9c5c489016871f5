// Drafts a ticket reply with whichever OpenAI client the caller passes in; the callback phone number is in the prompt
import type OpenAI from 'openai';

export interface Ticket {
  id: string;
  subject: string;
  customer: { name: string; phoneNumber: string };
}

export async function draftReply(client: OpenAI, ticket: Ticket): Promise<string> {
  const res = await client.chat.completions.create({
    model: 'gpt-4.1-mini',
    max_completion_tokens: 500,
    messages: [
      { role: 'system', content: 'Draft polite support replies. Offer a callback when useful.' },
      {
        role: 'user',
        // expect: secret-in-prompt
        content: `Ticket "${ticket.subject}" from ${ticket.customer.name}, callback number ${ticket.customer.phoneNumber}.`,
      },
    ],
  });
  return res.choices[0].message.content ?? '';
}
