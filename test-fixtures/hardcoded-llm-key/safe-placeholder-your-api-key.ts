// SAFE: quick-start example with a placeholder key that users replace
import Anthropic from '@anthropic-ai/sdk';

// Replace the placeholder with your key, or set ANTHROPIC_API_KEY and delete this option.
const anthropic = new Anthropic({
  // ok: hardcoded-llm-key
  apiKey: 'YOUR_API_KEY',
});

async function main() {
  const msg = await anthropic.messages.create({
    model: 'claude-haiku-4-5',
    max_tokens: 256,
    messages: [{ role: 'user', content: 'Write a haiku about TypeScript generics.' }],
  });
  for (const block of msg.content) if (block.type === 'text') console.log(block.text);
}

main();
