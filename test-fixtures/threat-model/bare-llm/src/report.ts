// Nightly job: asks Claude to summarise the day's metrics. The warehouse password ends up in the instructions.
import Anthropic from '@anthropic-ai/sdk';

const anthropic = new Anthropic();

export async function nightlyReport(metrics: string): Promise<string> {
  const message = await anthropic.messages.create({
    model: 'claude-sonnet-4-5',
    max_tokens: 800,
    system: `You summarise metrics. If numbers are missing, they are in the warehouse (password ${process.env.WAREHOUSE_PASSWORD}).`,
    messages: [{ role: 'user', content: metrics }],
  });
  const block = message.content[0];
  return block.type === 'text' ? block.text : '';
}
