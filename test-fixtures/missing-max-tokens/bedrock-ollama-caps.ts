// Bedrock with inferenceConfig.maxTokens and Ollama with options.num_predict: both capped.
import { BedrockRuntimeClient, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { Ollama } from 'ollama';

const bedrock = new BedrockRuntimeClient({ region: 'eu-west-1' });
const ollama = new Ollama();

export async function* streamFromBedrock(question: string) {
  // ok: missing-max-tokens
  const res = await bedrock.send(new ConverseStreamCommand({
    modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
    messages: [{ role: 'user', content: [{ text: question }] }],
    inferenceConfig: { maxTokens: 600, temperature: 0.2 },
  }));
  for await (const event of res.stream ?? []) yield event.contentBlockDelta?.delta?.text ?? '';
}

export async function localAnswer(question: string) {
  // ok: missing-max-tokens
  const res = await ollama.chat({
    model: 'llama3.1',
    options: { num_predict: 400 },
    messages: [{ role: 'user', content: question }],
  });
  return res.message.content;
}
