// @google/genai client whose httpOptions.baseUrl is an http egress proxy
import { GoogleGenAI } from '@google/genai';

const ai = new GoogleGenAI({
  apiKey: process.env.GEMINI_API_KEY,
  httpOptions: {
    // expect: insecure-llm-transport
    baseUrl: 'http://egress-proxy.acme.net:3128/gemini',
    timeout: 20_000,
  },
});

export async function describeChart(csv: string): Promise<string> {
  const response = await ai.models.generateContent({
    model: 'gemini-2.5-flash',
    contents: csv,
    config: {
      systemInstruction: 'Describe the main trend in this CSV data in two sentences.',
      maxOutputTokens: 200,
    },
  });
  return response.text ?? '';
}
