// SvelteKit endpoint: the article from the request body is spliced into the instruction text of one prompt.
import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { GoogleGenAI } from '@google/genai';
import { GEMINI_API_KEY } from '$env/static/private';
import { requireUser, limiter } from '$lib/server/guards';

const ai = new GoogleGenAI({ apiKey: GEMINI_API_KEY });

export const POST: RequestHandler = async ({ request, locals }) => {
  requireUser(locals);
  const { success } = await limiter.limit(locals.user.id);
  if (!success) throw error(429, 'slow down');
  const { article } = await request.json();
  const response = await ai.models.generateContent({
    model: 'gemini-2.5-flash',
    // expect: prompt-injection
    contents: `Summarize the following article in three bullet points. Never include links.\n\n${article}`,
    config: { maxOutputTokens: 400 },
  });
  return json({ summary: response.text });
};
