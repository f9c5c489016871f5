// Token-counting calls send prompts but generate nothing, so they need no output cap.
import Anthropic from '@anthropic-ai/sdk';
import { GoogleGenAI } from '@google/genai';

const anthropic = new Anthropic();
const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });

export async function fitsBudget(document: string, budget: number) {
  // ok: missing-max-tokens
  const claude = await anthropic.messages.countTokens({
    model: 'claude-sonnet-4-5',
    messages: [{ role: 'user', content: document }],
  });
  // ok: missing-max-tokens
  const gemini = await ai.models.countTokens({ model: 'gemini-2.5-flash', contents: document });
  return claude.input_tokens <= budget && (gemini.totalTokens ?? 0) <= budget;
}
