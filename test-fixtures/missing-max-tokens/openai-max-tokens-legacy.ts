// OpenAI and Groq chat calls capped with the older max_tokens name, which is still honoured.
import OpenAI from 'openai';
import Groq from 'groq-sdk';

const openai = new OpenAI();
const groq = new Groq();

export async function shortAnswer(question: string) {
  // ok: missing-max-tokens
  const a = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_tokens: 256,
    messages: [{ role: 'user', content: question }],
  });
  // ok: missing-max-tokens
  const b = await groq.chat.completions.create({
    model: 'llama-3.1-8b-instant',
    max_tokens: 256,
    messages: [{ role: 'user', content: question }],
  });
  return [a.choices[0].message.content, b.choices[0]?.message?.content];
}
