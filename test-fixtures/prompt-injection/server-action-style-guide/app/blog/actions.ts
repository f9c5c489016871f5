// Server action: an uploaded style-guide file (FormData) becomes Gemini's systemInstruction
'use server';
import { auth } from '@/auth';
import { Ratelimit } from '@upstash/ratelimit';
import { Redis } from '@upstash/redis';
import { ai, DRAFT_MODEL, wordCount } from '../../lib/gemini';

const ratelimit = new Ratelimit({ redis: Redis.fromEnv(), limiter: Ratelimit.fixedWindow(10, '1 m') });

export async function draftPost(formData: FormData) {
  const session = await auth();
  if (!session) throw new Error('Unauthorized');
  const { success } = await ratelimit.limit(session.user.id);
  if (!success) throw new Error('Too many requests');

  const styleGuide = await (formData.get('styleGuide') as File).text();
  const topic = String(formData.get('topic'));

  const response = await ai.models.generateContent({
    model: DRAFT_MODEL,
    // ok: prompt-injection
    contents: topic,
    config: {
      // expect: prompt-injection
      systemInstruction: `Write a blog post that follows this house style guide:\n${styleGuide}`,
      maxOutputTokens: 2048,
    },
  });
  return { draft: response.text, words: wordCount(response.text) };
}
