// Birthday campaign: a customer's date of birth and email go into the Responses API `input` string
import OpenAI from 'openai';
import { listBirthdayCustomers, queueEmail } from './crm';

const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

export async function writeBirthdayEmails(): Promise<void> {
  for (const customer of await listBirthdayCustomers()) {
    const response = await openai.responses.create({
      model: 'gpt-4.1-mini',
      max_output_tokens: 300,
      instructions: 'Write a warm, two-sentence birthday note from the Acme team.',
      // expect: secret-in-prompt
      input: `Customer ${customer.firstName}, born ${customer.dateOfBirth}, email ${customer.email}.`,
    });
    await queueEmail(customer.id, response.output_text);
  }
}
