// Server action: the model rewrites a filter sentence as SQL and sequelize.query() executes it.
'use server';

import { Sequelize, QueryTypes } from 'sequelize';
import { generateText } from 'ai';
import { google } from '@ai-sdk/google';
import { auth } from '@clerk/nextjs/server';
import { Ratelimit } from '@upstash/ratelimit';
import { Redis } from '@upstash/redis';

const sequelize = new Sequelize(process.env.DATABASE_URL!);
const ratelimit = new Ratelimit({ redis: Redis.fromEnv(), limiter: Ratelimit.slidingWindow(10, '1 m') });

export async function filterInvoices(formData: FormData) {
  const { userId } = await auth();
  if (!userId) throw new Error('Unauthorized');
  const { success } = await ratelimit.limit(userId);
  if (!success) throw new Error('Too many requests');

  const { text } = await generateText({
    model: google('gemini-2.5-flash'),
    maxOutputTokens: 300,
    system: 'Write one MySQL SELECT over the table invoices(id, customer, amount, due_date). Reply with SQL only.',
    prompt: String(formData.get('filter') ?? ''),
  });
  // expect: unvalidated-llm-output
  return sequelize.query(text, { type: QueryTypes.SELECT });
}
