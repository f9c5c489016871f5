// SAFE: the patient record goes through anonymizeRecord() before being serialised into the system prompt
import { GoogleGenAI } from '@google/genai';
import { anonymizeRecord } from './deid';

interface Patient {
  id: string;
  dateOfBirth: string;
  diagnosis: string;
  medications: string[];
}

const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });

export async function interactionCheck(patient: Patient, newDrug: string) {
  const response = await ai.models.generateContent({
    model: 'gemini-2.5-pro',
    contents: `Check ${newDrug} for interactions with the current medication list.`,
    config: {
      // ok: secret-in-prompt
      systemInstruction: `You are a clinical pharmacist. Patient record: ${JSON.stringify(anonymizeRecord(patient))}`,
      maxOutputTokens: 700,
    },
  });
  return response.text;
}
