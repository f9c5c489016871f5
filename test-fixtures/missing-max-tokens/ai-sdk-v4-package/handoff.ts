// ai v4 calls capped with maxTokens: correct for this SDK version, so no finding.
import { generateText, streamText } from 'ai';
import { chatModel, SUMMARY_SYSTEM } from './lib/ai';

export async function handoffSummary(transcript: string) {
  // ok: missing-max-tokens
  const { text } = await generateText({
    model: chatModel,
    maxTokens: 400,
    system: SUMMARY_SYSTEM,
    prompt: transcript,
  });
  return text;
}

export function streamSuggestion(transcript: string) {
  // ok: missing-max-tokens
  return streamText({ model: chatModel, maxTokens: 200, prompt: transcript });
}
