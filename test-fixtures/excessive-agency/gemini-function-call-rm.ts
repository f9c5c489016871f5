// Gemini functionCalls handled by hand: the model-chosen directory is removed recursively.
import { GoogleGenAI, Type } from '@google/genai';
import { rm } from 'node:fs/promises';

const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });

export async function tidyWorkspace(request: string) {
  const response = await ai.models.generateContent({
    model: 'gemini-2.5-flash',
    contents: request,
    config: {
      maxOutputTokens: 400,
      tools: [{
        functionDeclarations: [{
          name: 'delete_cache',
          description: 'Delete a cache directory.',
          parameters: { type: Type.OBJECT, properties: { dir: { type: Type.STRING } }, required: ['dir'] },
        }],
      }],
    },
  });
  for (const call of response.functionCalls ?? []) {
    if (call.name !== 'delete_cache') continue;
    const dir = String(call.args?.dir ?? '');
    // expect: excessive-agency, unvalidated-llm-output
    await rm(dir, { recursive: true, force: true });
  }
}
