// Asks Gemini which documentation URL best covers a topic; crawl.ts fetches whatever it returns.
import { GoogleGenAI } from '@google/genai';

const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });

export async function pickSourceUrl(topic: string): Promise<string> {
  const response = await ai.models.generateContent({
    model: 'gemini-2.5-flash',
    contents: [{ role: 'user', parts: [{ text: topic }] }],
    config: {
      systemInstruction: 'Reply with the single most relevant documentation URL for the topic, nothing else.',
      maxOutputTokens: 100,
    },
  });
  return (response.text ?? '').trim();
}
