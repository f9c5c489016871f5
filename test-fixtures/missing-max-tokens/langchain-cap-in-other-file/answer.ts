// Calls the capped models from ./lib/models; invoke/stream carry no per-call cap and need none.
import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import { claude, mistral } from './lib/models';

export async function answer(question: string) {
  // ok: missing-max-tokens
  const msg = await claude.invoke([new SystemMessage('Answer briefly.'), new HumanMessage(question)]);
  return msg.content;
}

export async function* streamAnswer(question: string) {
  // ok: missing-max-tokens
  const stream = await mistral.stream([new HumanMessage(question)]);
  for await (const chunk of stream) yield chunk.content;
}
