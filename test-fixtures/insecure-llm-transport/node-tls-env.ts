// Module that turns off TLS verification process-wide and then calls Claude
import Anthropic from '@anthropic-ai/sdk';

// Corporate proxy re-signs TLS; "temporary" workaround.
// expect: insecure-llm-transport
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

const anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });

export async function extractActionItems(transcript: string): Promise<string> {
  const msg = await anthropic.messages.create({
    model: 'claude-haiku-4-5',
    max_tokens: 500,
    system: 'List the action items in the meeting transcript as bullets with owners.',
    messages: [{ role: 'user', content: transcript }],
  });
  return msg.content.map((b) => (b.type === 'text' ? b.text : '')).join('');
}
