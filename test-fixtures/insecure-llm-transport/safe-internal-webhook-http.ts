// SAFE (for this rule): the LLM call uses the default https endpoint; the http URL is a non-LLM internal webhook
import Anthropic from '@anthropic-ai/sdk';

const anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });
// ok: insecure-llm-transport
const AUDIT_WEBHOOK = 'http://audit-log.internal.acme.net/events';

export async function summarizeAndAudit(incidentId: string, timeline: string): Promise<string> {
  const msg = await anthropic.messages.create({
    model: 'claude-haiku-4-5',
    max_tokens: 400,
    system: 'Write a blameless incident summary from the timeline.',
    messages: [{ role: 'user', content: timeline }],
  });
  const summary = msg.content.map((b) => (b.type === 'text' ? b.text : '')).join('');

  // ok: insecure-llm-transport
  await fetch(AUDIT_WEBHOOK, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ incidentId, summary }),
  });
  return summary;
}
