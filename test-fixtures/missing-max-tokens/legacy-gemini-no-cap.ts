// Legacy @google/generative-ai: neither getGenerativeModel nor the call sets generationConfig.maxOutputTokens.
import { GoogleGenerativeAI } from '@google/generative-ai';

const genAI = new GoogleGenerativeAI(process.env.GEMINI_API_KEY ?? '');
const model = genAI.getGenerativeModel({
  model: 'gemini-1.5-flash',
  systemInstruction: 'You write short product FAQs.',
  generationConfig: { temperature: 0.4 },
});

export async function faqFor(product: string) {
  // expect: missing-max-tokens
  const result = await model.generateContent(product);
  return result.response.text();
}
