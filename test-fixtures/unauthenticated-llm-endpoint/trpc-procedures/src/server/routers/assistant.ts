// Procedures that call the model: one open to anyone, one behind auth and the rate limit, one that never calls it.
import { z } from 'zod';
import OpenAI from 'openai';
import { authedProcedure, publicProcedure, rateLimit, router } from '../trpc';

const openai = new OpenAI();
const ask = async (question: string, tone: string) => {
  const r = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_completion_tokens: 400,
    messages: [
      { role: 'system', content: `Answer in a ${tone} tone.` },
      { role: 'user', content: question },
    ],
  });
  return r.choices[0].message.content;
};

export const assistantRouter = router({
  // expect: missing-rate-limit, unauthenticated-llm-endpoint
  quick: publicProcedure.input(z.object({ question: z.string().max(500) })).mutation(({ input }) => ask(input.question, 'brief')),
  deep: authedProcedure
    .use(rateLimit)
    .input(z.object({ question: z.string(), tone: z.enum(['formal', 'friendly']) }))
    .mutation(({ input }) => ask(input.question, input.tone)),
  ping: publicProcedure.query(() => ({ ok: true })),
});
