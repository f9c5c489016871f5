// The capped model needs no cap per call; the reasoning model has none.
import { generateText } from 'ai';
import { cappedModel, reasoningModel } from './models';

export async function describe(diff: string) {
  const { text } = await generateText({ model: cappedModel, system: 'Describe the change.', prompt: diff });
  // expect: missing-max-tokens
  const { text: review } = await generateText({ model: reasoningModel, system: 'Review the change.', prompt: diff });
  return { text, review };
}
