// SAFE (for this rule): a hard-coded Stripe test key is not an LLM provider key; the LLM key comes from env
import Stripe from 'stripe';
import OpenAI from 'openai';

// ok: hardcoded-llm-key
const stripe = new Stripe('sk_test_51NzQbHJk2mXv8RtLq0PwYc7DsEa4FgHi9JkLmNoPqRsTuVwXyZ01234abcd');
const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

export async function invoiceNote(invoiceId: string): Promise<string> {
  const invoice = await stripe.invoices.retrieve(invoiceId);
  const completion = await openai.chat.completions.create({
    model: 'gpt-4.1-nano',
    max_completion_tokens: 80,
    messages: [
      { role: 'system', content: 'Write a one-sentence friendly payment reminder.' },
      { role: 'user', content: `Amount due: ${invoice.amount_due / 100} ${invoice.currency}` },
    ],
  });
  return completion.choices[0].message.content ?? '';
}
