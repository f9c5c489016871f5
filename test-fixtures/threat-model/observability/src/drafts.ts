// Drafts replies to customers; every generation is traced in Langfuse.
import OpenAI from 'openai';
import { Langfuse } from 'langfuse';

const openai = new OpenAI();
const langfuse = new Langfuse();

export interface Customer {
  name: string;
  email: string;
}

export async function draftReply(customer: Customer, question: string): Promise<string> {
  const trace = langfuse.trace({ name: 'draft-reply' });
  const generation = trace.generation({ name: 'draft', model: 'gpt-4.1-mini' });
  const completion = await openai.chat.completions.create({
    model: 'gpt-4.1-mini',
    max_completion_tokens: 400,
    messages: [
      { role: 'system', content: 'Draft a short, friendly reply for the support agent to review.' },
      // promptward-ignore-next-line secret-in-prompt -- the customer's own address, to greet them; covered by the provider DPA
      { role: 'user', content: `Customer: ${customer.name} <${customer.email}>\nQuestion: ${question}` },
    ],
  });
  const reply = completion.choices[0].message.content ?? '';
  generation.end({ output: reply });
  return reply;
}
