// An e-mail object's body and subject are its content, not an address: a reply suggestion from them is fine.
// A customer's e-mail address in a prompt is personal data.
import OpenAI from 'openai';

const openai = new OpenAI();

export async function suggestReply({ email }) {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_completion_tokens: 200,
    messages: [
      { role: 'system', content: 'Suggest a short, polite reply to the e-mail.' },
      // ok: secret-in-prompt
      { role: 'user', content: `${email.subject}\n\n${email.body}` },
    ],
  });
  return completion.choices[0].message.content;
}

export async function welcome({ customer }) {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_completion_tokens: 100,
    messages: [
      // expect: secret-in-prompt
      { role: 'user', content: `Write a welcome note for the customer at ${customer.email}` },
    ],
  });
  return completion.choices[0].message.content;
}
