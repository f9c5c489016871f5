// A module-level constant holds an Anthropic key; the finding is at the literal, not at its use
import Anthropic from '@anthropic-ai/sdk';

// expect: hardcoded-llm-key
const ANTHROPIC_API_KEY = 'sk-ant-api03-3FIw9jCJQA4gzf3HG6tnK0vD9lCplimbD72YYxRmqtcbfnZUIF8FsOglmqFjajSLxcRP29_iypfrTfZZ3XNAoRnZcQ3HpAA';

// ok: hardcoded-llm-key
const anthropic = new Anthropic({ apiKey: ANTHROPIC_API_KEY });

export async function classifyTicket(subject: string): Promise<string> {
  const msg = await anthropic.messages.create({
    model: 'claude-haiku-4-5',
    max_tokens: 20,
    system: 'Classify support tickets as billing, bug, feature or other. Reply with one word.',
    messages: [{ role: 'user', content: subject }],
  });
  const block = msg.content[0];
  return block.type === 'text' ? block.text.trim().toLowerCase() : 'other';
}
