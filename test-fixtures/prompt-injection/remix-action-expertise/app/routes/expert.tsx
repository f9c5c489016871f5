// Remix action: a form field picks the persona written into the system message.
import type { ActionFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Mistral } from '@mistralai/mistralai';
import { requireUserId } from '~/session.server';
import { rateLimit } from '~/rate-limit.server';

const mistral = new Mistral({ apiKey: process.env.MISTRAL_API_KEY ?? '' });

export async function action({ request }: ActionFunctionArgs) {
  await requireUserId(request);
  await rateLimit(request);
  const form = await request.formData();
  const expertise = String(form.get('expertise') ?? 'generalist');
  const question = String(form.get('question') ?? '');
  const res = await mistral.chat.complete({
    model: 'mistral-small-latest',
    maxTokens: 500,
    messages: [
      // expect: prompt-injection
      { role: 'system', content: `Act as an experienced ${expertise}. Answer concisely.` },
      { role: 'user', content: question },
    ],
  });
  return json({ answer: res.choices?.[0]?.message?.content ?? '' });
}
