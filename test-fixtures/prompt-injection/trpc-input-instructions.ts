// tRPC mutation: a free-text field of the procedure input is written into the Responses API instructions (the
// zod enum field is safe there). The procedure is authenticated but not rate limited.
import { z } from 'zod';
import OpenAI from 'openai';
import { router, protectedProcedure } from './trpc';

const openai = new OpenAI();

export const marketingRouter = router({
  // expect: missing-rate-limit
  tagline: protectedProcedure
    .input(z.object({ product: z.string().min(1), audience: z.string().max(200), length: z.enum(['short', 'long']) }))
    .mutation(async ({ input }) => {
      const response = await openai.responses.create({
        model: 'gpt-4.1-mini',
        // expect: prompt-injection
        instructions: `Write a ${input.length} tagline aimed at ${input.audience}. Never mention prices.`,
        input: input.product,
        max_output_tokens: 60,
      });
      return { tagline: response.output_text };
    }),
});
