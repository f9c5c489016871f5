// Firebase Functions: an open HTTP function and a callable one that checks the caller (neither is rate limited).
import { onCall, onRequest, HttpsError } from 'firebase-functions/v2/https';
import { GoogleGenAI } from '@google/genai';

const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });
const plan = (text: string) => ai.models.generateContent({ model: 'gemini-2.5-flash', contents: text, config: { maxOutputTokens: 500 } });

// expect: missing-rate-limit, unauthenticated-llm-endpoint
export const planDemo = onRequest({ cors: true }, async (req, res) => {
  const r = await plan(String(req.body.request));
  res.json({ plan: r.text });
});

// expect: missing-rate-limit
export const planMember = onCall(async (request) => {
  if (!request.auth) throw new HttpsError('unauthenticated', 'Sign in first.');
  const r = await plan(String(request.data.request));
  return { plan: r.text };
});
