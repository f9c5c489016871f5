// Posts the model's incident digest to a fixed ticketing URL; the output is only in the request body.
import { generateText } from 'ai';
import { mistral } from '@ai-sdk/mistral';

const TICKETS_URL = 'https://tickets.example.com/api/v2/tickets';

export async function fileWeeklyDigest(incidents: string[]) {
  const { text: summary } = await generateText({
    model: mistral('mistral-small-latest'),
    maxOutputTokens: 600,
    system: 'Summarize the week of incidents for the on-call review.',
    prompt: incidents.join('\n'),
  });
  // ok: unvalidated-llm-output
  await fetch(TICKETS_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${process.env.TICKETS_TOKEN}` },
    // ok: unvalidated-llm-output
    body: JSON.stringify({ title: 'Weekly incident digest', body: summary }),
  });
}
