// Expo app: Groq client built on the device with an EXPO_PUBLIC_ key (shipped inside the app bundle)
import Groq from 'groq-sdk';

export const groq = new Groq({
  apiKey: process.env.EXPO_PUBLIC_GROQ_API_KEY,
  // expect: browser-exposed-llm-key
  dangerouslyAllowBrowser: true,
});

export const MODEL = 'llama-3.1-8b-instant';
