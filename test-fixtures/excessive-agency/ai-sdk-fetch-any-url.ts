// Research assistant whose fetchUrl tool requests any URL the model names (SSRF into internal hosts).
import { generateText, tool, stepCountIs } from 'ai';
import { google } from '@ai-sdk/google';
import { z } from 'zod';

export async function research(question: string) {
  const { text } = await generateText({
    model: google('gemini-2.5-pro'),
    maxOutputTokens: 3000,
    stopWhen: stepCountIs(8),
    system: 'Answer the question. Use fetchUrl to read web pages when needed and cite them.',
    prompt: question,
    tools: {
      // expect: excessive-agency
      fetchUrl: tool({
        description: 'Download a web page and return its text.',
        inputSchema: z.object({ url: z.string().url() }),
        execute: async ({ url }) => {
          // expect: unvalidated-llm-output
          const res = await fetch(url);
          return (await res.text()).slice(0, 20_000);
        },
      }),
    },
  });
  return text;
}
