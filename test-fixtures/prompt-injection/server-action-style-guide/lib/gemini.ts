// Server-only Gemini client shared by the blog tools
import 'server-only';
import { GoogleGenAI } from '@google/genai';

export const DRAFT_MODEL = 'gemini-2.5-flash';

export const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });

export function wordCount(text: string | undefined): number {
  return text ? text.trim().split(/\s+/).length : 0;
}
