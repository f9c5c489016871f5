// Bedrock ConverseCommand without inferenceConfig.maxTokens, next to a capped one.
import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';

const bedrock = new BedrockRuntimeClient({ region: process.env.AWS_REGION ?? 'us-east-1' });

export async function extractActionItems(meetingNotes: string) {
  // expect: missing-max-tokens
  const res = await bedrock.send(new ConverseCommand({
    modelId: 'anthropic.claude-3-5-sonnet-20240620-v1:0',
    system: [{ text: 'List the action items in the meeting notes.' }],
    messages: [{ role: 'user', content: [{ text: meetingNotes }] }],
    inferenceConfig: { temperature: 0.1 },
  }));
  const items = res.output?.message?.content?.[0]?.text ?? '';
  // ok: missing-max-tokens
  const title = await bedrock.send(new ConverseCommand({
    modelId: 'amazon.nova-lite-v1:0',
    messages: [{ role: 'user', content: [{ text: items }] }],
    inferenceConfig: { maxTokens: 30 },
  }));
  return { items, title: title.output?.message?.content?.[0]?.text };
}
