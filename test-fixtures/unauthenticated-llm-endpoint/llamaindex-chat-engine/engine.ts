import { Settings, VectorStoreIndex, storageContextFromDefaults } from 'llamaindex';
import { OpenAI } from '@llamaindex/openai';

Settings.llm = new OpenAI({ model: 'gpt-4o-mini', maxTokens: 700 });

let index: VectorStoreIndex | undefined;

export async function chatEngine() {
  if (!index) index = await VectorStoreIndex.init({ storageContext: await storageContextFromDefaults({ persistDir: './storage' }) });
  return index.asChatEngine({ similarityTopK: 3 });
}
