// Bedrock runtime client sent to a VPC proxy endpoint over plain http
import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';

const bedrock = new BedrockRuntimeClient({
  region: 'eu-central-1',
  // expect: insecure-llm-transport
  endpoint: 'http://bedrock-proxy.vpc.acme.internal:8080',
});

export async function tagDocument(text: string): Promise<string> {
  const out = await bedrock.send(
    new ConverseCommand({
      modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
      system: [{ text: 'Return up to five topic tags for the document, comma separated.' }],
      messages: [{ role: 'user', content: [{ text }] }],
      inferenceConfig: { maxTokens: 60 },
    }),
  );
  return out.output?.message?.content?.[0]?.text ?? '';
}
