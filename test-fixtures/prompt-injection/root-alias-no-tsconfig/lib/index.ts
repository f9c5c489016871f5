// Barrel of server helpers, imported as "@/lib" (the Next.js root alias), with no tsconfig in the project.
import OpenAI from 'openai';

export const llm = new OpenAI();
export const DEFAULT_MODEL = 'gpt-4.1-mini';
