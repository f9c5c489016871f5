// Vite + React: @google/genai client created in the browser with a VITE_ key (no browser flag exists)
import { useState } from 'react';
import { GoogleGenAI } from '@google/genai';

const ai = new GoogleGenAI({
  // expect: browser-exposed-llm-key
  apiKey: import.meta.env.VITE_GEMINI_API_KEY,
});

export function RecipeIdeas() {
  const [ingredients, setIngredients] = useState('');
  const [ideas, setIdeas] = useState('');

  async function suggest() {
    const response = await ai.models.generateContent({
      model: 'gemini-2.5-flash',
      contents: ingredients,
      config: {
        systemInstruction: 'Suggest three dinner recipes using the listed ingredients.',
        maxOutputTokens: 600,
      },
    });
    setIdeas(response.text ?? '');
  }

  return (
    <div>
      <input value={ingredients} onChange={(e) => setIngredients(e.target.value)} />
      <button onClick={suggest}>Suggest</button>
      <pre>{ideas}</pre>
    </div>
  );
}
