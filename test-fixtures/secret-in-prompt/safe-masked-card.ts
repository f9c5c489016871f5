// SAFE: the card number is masked to its last four digits before it enters the Groq prompt
import Groq from 'groq-sdk';
import { maskCardNumber } from './pci';

const groq = new Groq({ apiKey: process.env.GROQ_API_KEY });

export async function disputeSummary(dispute: { cardNumber: string; amount: number; reason: string }) {
  const chat = await groq.chat.completions.create({
    model: 'llama-3.1-8b-instant',
    max_completion_tokens: 200,
    messages: [
      { role: 'system', content: 'Summarize card disputes for the chargeback team in one sentence.' },
      {
        role: 'user',
        // ok: secret-in-prompt
        content: `Card ${maskCardNumber(dispute.cardNumber)} disputed ${dispute.amount} EUR. Reason code: ${dispute.reason}.`,
      },
    ],
  });
  return chat.choices[0]?.message?.content ?? '';
}
