// Mistral chat.complete without maxTokens (the FIM call beside it is capped).
import { Mistral } from '@mistralai/mistralai';

const mistral = new Mistral({ apiKey: process.env.MISTRAL_API_KEY });

export async function reviewCode(snippet: string) {
  // expect: missing-max-tokens
  const review = await mistral.chat.complete({
    model: 'codestral-latest',
    temperature: 0.1,
    messages: [
      { role: 'system', content: 'Review the code for bugs and style problems.' },
      { role: 'user', content: snippet },
    ],
  });
  // ok: missing-max-tokens
  const completion = await mistral.fim.complete({ model: 'codestral-latest', prompt: snippet, maxTokens: 128 });
  return { review: review.choices?.[0]?.message?.content, completion: completion.choices?.[0]?.message?.content };
}
