// Vite frontend: legacy @google/generative-ai client with a VITE_ key passed positionally
import { GoogleGenerativeAI } from '@google/generative-ai';

// expect: browser-exposed-llm-key
const genAI = new GoogleGenerativeAI(import.meta.env.VITE_GOOGLE_API_KEY);

const model = genAI.getGenerativeModel({
  model: 'gemini-1.5-flash',
  systemInstruction: 'Translate the text to French. Return only the translation.',
  generationConfig: { maxOutputTokens: 400 },
});

export async function translateToFrench(text: string): Promise<string> {
  const result = await model.generateContent(text);
  return result.response.text();
}

document.querySelector<HTMLButtonElement>('#translate')?.addEventListener('click', async () => {
  const input = document.querySelector<HTMLTextAreaElement>('#source')!;
  const output = document.querySelector<HTMLElement>('#target')!;
  output.textContent = await translateToFrench(input.value);
});
