// Summarization helper built on the Anthropic SDK.
import Anthropic from '@anthropic-ai/sdk';

const anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });

export async function summarize(text: string): Promise<string> {
  const msg = await anthropic.messages.create({
    model: 'claude-haiku-4-5',
    max_tokens: 400,
    system: 'Summarize the document in one paragraph.',
    messages: [{ role: 'user', content: text }],
  });
  return msg.content.map((b) => (b.type === 'text' ? b.text : '')).join('');
}
