// CommonJS script streaming from Anthropic without max_tokens (required by the API, so it is a bug too).
const Anthropic = require('@anthropic-ai/sdk');

const anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });

async function main() {
  const topic = process.argv.slice(2).join(' ');
  // expect: missing-max-tokens
  const stream = anthropic.messages.stream({
    model: 'claude-sonnet-4-5',
    system: 'Write a short explainer for a technical blog.',
    messages: [{ role: 'user', content: topic }],
  });
  stream.on('text', (delta) => process.stdout.write(delta));
  await stream.finalMessage();
}

main();
