// Fraud explainer: the full card number of a flagged transaction is sent to Mistral
import { Mistral } from '@mistralai/mistralai';

interface FlaggedTxn {
  id: string;
  cardNumber: string;
  amount: number;
  currency: string;
  merchant: string;
  country: string;
}

const mistral = new Mistral({ apiKey: process.env.MISTRAL_API_KEY });

export async function explainFlag(txn: FlaggedTxn): Promise<string> {
  const res = await mistral.chat.complete({
    model: 'mistral-small-latest',
    maxTokens: 250,
    messages: [
      { role: 'system', content: 'You explain fraud-rule hits to analysts in two sentences.' },
      {
        role: 'user',
        // expect: secret-in-prompt
        content: `Card ${txn.cardNumber} was charged ${txn.amount} ${txn.currency} at ${txn.merchant} (${txn.country}). Why was it flagged?`,
      },
    ],
  });
  const content = res.choices?.[0]?.message?.content;
  return typeof content === 'string' ? content : '';
}
