// Read-only order lookup tool: a parameterised SELECT, no writes, shell or outbound requests.
import { generateText, tool, stepCountIs } from 'ai';
import { openai } from '@ai-sdk/openai';
import { Pool } from 'pg';
import { z } from 'zod';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

export async function supportBot(customerId: string, question: string) {
  const { text } = await generateText({
    model: openai('gpt-4o-mini'),
    maxOutputTokens: 600,
    stopWhen: stepCountIs(3),
    system: 'You answer questions about the customer order status.',
    prompt: question,
    tools: {
      // ok: excessive-agency
      lookupOrder: tool({
        description: 'Look up the status of one of the customer orders.',
        inputSchema: z.object({ orderId: z.string() }),
        execute: async ({ orderId }) => {
          const { rows } = await pool.query('SELECT status, eta FROM orders WHERE id = $1 AND customer_id = $2', [orderId, customerId]);
          return rows[0] ?? { status: 'not found' };
        },
      }),
    },
  });
  return text;
}
