// A SvelteKit endpoint behind the auth hook, with no rate limit anywhere.
import { json } from '@sveltejs/kit';
import Anthropic from '@anthropic-ai/sdk';

const anthropic = new Anthropic();

// expect: missing-rate-limit
export const POST = async ({ request }) => {
  const { code } = await request.json();
  const msg = await anthropic.messages.create({
    model: 'claude-3-5-haiku-latest',
    max_tokens: 600,
    system: 'Explain the code you are given to a junior developer.',
    messages: [{ role: 'user', content: String(code) }],
  });
  return json({ explanation: msg.content });
};
