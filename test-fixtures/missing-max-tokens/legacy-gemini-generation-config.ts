// Legacy @google/generative-ai: maxOutputTokens is set once on getGenerativeModel and covers every call.
import { GoogleGenerativeAI } from '@google/generative-ai';

const genAI = new GoogleGenerativeAI(process.env.GOOGLE_API_KEY!);
const model = genAI.getGenerativeModel({
  model: 'gemini-1.5-flash',
  systemInstruction: 'You are a concise travel assistant.',
  generationConfig: { maxOutputTokens: 500, temperature: 0.5 },
});

export async function suggestItinerary(request: string) {
  // ok: missing-max-tokens
  const result = await model.generateContent(request);
  return result.response.text();
}

export async function chatTurn(history: { role: 'user' | 'model'; text: string }[], message: string) {
  const chat = model.startChat({ history: history.map((h) => ({ role: h.role, parts: [{ text: h.text }] })) });
  // ok: missing-max-tokens
  const result = await chat.sendMessage(message);
  return result.response.text();
}
