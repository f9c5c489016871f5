// Helper that asks Claude for a shell command and returns the text; cli.ts runs it.
import Anthropic from '@anthropic-ai/sdk';

const anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });

export async function suggestCommand(goal: string): Promise<string> {
  const message = await anthropic.messages.create({
    model: 'claude-sonnet-4-5',
    max_tokens: 300,
    system: 'You translate requests into one POSIX shell command. Reply with the command only.',
    messages: [{ role: 'user', content: goal }],
  });
  const block = message.content[0];
  return block.type === 'text' ? block.text.trim() : '';
}
