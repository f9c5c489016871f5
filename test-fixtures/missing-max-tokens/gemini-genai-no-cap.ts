// @google/genai generateContent with a config that sets temperature but no maxOutputTokens.
import { GoogleGenAI } from '@google/genai';

const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });

export async function describeChart(chartDescription: string) {
  // expect: missing-max-tokens
  const response = await ai.models.generateContent({
    model: 'gemini-2.5-flash',
    contents: chartDescription,
    config: { systemInstruction: 'Describe the chart for a screen reader user.', temperature: 0.3 },
  });
  return response.text;
}

export async function* streamStory(outline: string) {
  // expect: missing-max-tokens
  const stream = await ai.models.generateContentStream({ model: 'gemini-2.5-pro', contents: outline });
  for await (const chunk of stream) yield chunk.text ?? '';
}
