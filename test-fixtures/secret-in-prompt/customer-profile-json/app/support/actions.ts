// Server action: the customer profile (email, phone, address; other file) is JSON-stringified into `system`
'use server';
import Anthropic from '@anthropic-ai/sdk';
import { Ratelimit } from '@upstash/ratelimit';
import { Redis } from '@upstash/redis';
import { auth } from '@/auth';
import { getCustomerProfile } from '../../lib/customers';

const anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });
const ratelimit = new Ratelimit({ redis: Redis.fromEnv(), limiter: Ratelimit.slidingWindow(15, '1 m') });

export async function askSupport(question: string) {
  const session = await auth();
  if (!session?.user?.id) throw new Error('Unauthorized');
  const { success } = await ratelimit.limit(session.user.id);
  if (!success) throw new Error('Too many requests');

  const profile = await getCustomerProfile(session.user.id);
  const msg = await anthropic.messages.create({
    model: 'claude-sonnet-4-5',
    max_tokens: 800,
    // expect: secret-in-prompt
    system: `You are Acme's support agent. Customer on file: ${JSON.stringify(profile)}`,
    messages: [{ role: 'user', content: question }],
  });
  const block = msg.content.find((b) => b.type === 'text');
  return block?.type === 'text' ? block.text : '';
}
