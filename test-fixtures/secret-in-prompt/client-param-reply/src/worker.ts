// Ticket worker: builds the OpenAI client and passes it to draftReply() in another file
import OpenAI from 'openai';
import { draftReply, type Ticket } from './reply';
import { nextOpenTickets, saveDraft } from './tickets';

const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

export async function processQueue(): Promise<number> {
  const tickets: Ticket[] = await nextOpenTickets(25);
  for (const ticket of tickets) {
    const draft = await draftReply(openai, ticket);
    await saveDraft(ticket.id, draft);
  }
  return tickets.length;
}

setInterval(() => void processQueue(), 60_000);
