// SAFE: the user's own message goes to the model; their email is only used to send the transcript, never prompted
'use server';
import { auth } from '@/auth';
import { Ratelimit } from '@upstash/ratelimit';
import { Redis } from '@upstash/redis';
import OpenAI from 'openai';
import { sendTranscript } from '@/lib/mailer';

const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
const ratelimit = new Ratelimit({ redis: Redis.fromEnv(), limiter: Ratelimit.slidingWindow(10, '1 m') });

export async function askAdvisor(formData: FormData) {
  const session = await auth();
  if (!session?.user) throw new Error('Unauthorized');
  const { success } = await ratelimit.limit(session.user.id);
  if (!success) throw new Error('Too many requests');

  const message = String(formData.get('message') ?? '');
  const completion = await openai.chat.completions.create({
    model: 'gpt-4.1-mini',
    max_completion_tokens: 600,
    messages: [
      { role: 'system', content: 'You are a budgeting advisor. Never ask for account numbers.' },
      // ok: secret-in-prompt
      { role: 'user', content: message },
    ],
  });
  const reply = completion.choices[0].message.content ?? '';
  await sendTranscript(session.user.email, message, reply);
  return reply;
}
