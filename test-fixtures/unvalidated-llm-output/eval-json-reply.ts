// Invoice extraction: the model is asked for a JSON object and its reply is evaluated with eval() instead of parsed.
import OpenAI from 'openai';

const openai = new OpenAI();

export async function extractInvoice(text: string) {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_completion_tokens: 400,
    response_format: { type: 'json_object' },
    messages: [
      { role: 'system', content: 'Extract the invoice number, date and total. Reply with a JSON object only.' },
      { role: 'user', content: text },
    ],
  });
  const reply = completion.choices[0].message.content ?? '{}';
  // expect: unvalidated-llm-output
  return eval('(' + reply + ')');
}
