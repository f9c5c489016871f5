// SAFE: the key is fetched from AWS Secrets Manager at startup; only the secret's *name* is a literal
import { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import Anthropic from '@anthropic-ai/sdk';

const sm = new SecretsManagerClient({ region: 'eu-west-1' });

async function loadAnthropicKey(): Promise<string> {
  // ok: hardcoded-llm-key
  const out = await sm.send(new GetSecretValueCommand({ SecretId: 'prod/anthropic-api-key' }));
  return JSON.parse(out.SecretString ?? '{}').ANTHROPIC_API_KEY;
}

export async function makeClient(): Promise<Anthropic> {
  return new Anthropic({ apiKey: await loadAnthropicKey() });
}

export async function headline(client: Anthropic, story: string): Promise<string> {
  const msg = await client.messages.create({
    model: 'claude-haiku-4-5',
    max_tokens: 40,
    system: 'Write a headline of at most ten words.',
    messages: [{ role: 'user', content: story }],
  });
  const b = msg.content[0];
  return b.type === 'text' ? b.text : '';
}
