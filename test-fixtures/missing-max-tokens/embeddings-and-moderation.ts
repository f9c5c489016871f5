// Embedding and moderation calls produce no generated text, so they need no output-token cap.
import OpenAI from 'openai';
import { embedMany } from 'ai';
import { openai as aiOpenai } from '@ai-sdk/openai';

const openai = new OpenAI();

export async function indexDocuments(chunks: string[]) {
  // ok: missing-max-tokens
  const flagged = await openai.moderations.create({ model: 'omni-moderation-latest', input: chunks });
  const safe = chunks.filter((_, i) => !flagged.results[i].flagged);
  // ok: missing-max-tokens
  const { data } = await openai.embeddings.create({ model: 'text-embedding-3-small', input: safe });
  // ok: missing-max-tokens
  const { embeddings } = await embedMany({ model: aiOpenai.embedding('text-embedding-3-small'), values: safe });
  return { openaiVectors: data.map((d) => d.embedding), aiSdkVectors: embeddings };
}
