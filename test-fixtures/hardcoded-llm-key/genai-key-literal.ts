// @google/genai client constructed with a literal Google API key
import { GoogleGenAI } from '@google/genai';

// expect: hardcoded-llm-key
const ai = new GoogleGenAI({ apiKey: 'AIzaSyaCcz75lu1fj8fN62vKS-kWUwX-QFEiJqK' });

export async function tagPhotoCaption(caption: string): Promise<string[]> {
  const response = await ai.models.generateContent({
    model: 'gemini-2.5-flash-lite',
    contents: caption,
    config: {
      systemInstruction: 'Return up to five lowercase tags for the caption, comma separated.',
      maxOutputTokens: 40,
    },
  });
  return (response.text ?? '').split(',').map((t) => t.trim()).filter(Boolean);
}
