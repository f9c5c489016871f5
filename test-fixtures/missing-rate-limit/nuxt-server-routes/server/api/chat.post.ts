// A Nuxt server route: the body's persona reaches the system prompt; the auth middleware covers it, no limiter does.
import OpenAI from 'openai';

const openai = new OpenAI();

// expect: missing-rate-limit
export default defineEventHandler(async (event) => {
  const { persona, message } = await readBody(event);
  const r = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_completion_tokens: 400,
    messages: [
      // expect: prompt-injection
      { role: 'system', content: `You are ${persona}.` },
      { role: 'user', content: String(message) },
    ],
  });
  return { reply: r.choices[0].message.content };
});
