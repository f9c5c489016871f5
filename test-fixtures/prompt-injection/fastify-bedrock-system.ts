// Fastify route: `request.body.role` lands in the Bedrock Converse `system` block
import Fastify from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { verifyToken } from './auth';

const bedrock = new BedrockRuntimeClient({ region: 'us-east-1' });
const app = Fastify({ logger: true });
await app.register(rateLimit, { max: 20, timeWindow: '1 minute' });

app.post<{ Body: { role: string; question: string } }>('/ask', { preHandler: [verifyToken] }, async (request) => {
  const { role, question } = request.body;
  const out = await bedrock.send(
    new ConverseCommand({
      modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
      // expect: prompt-injection
      system: [{ text: `Act as a ${role}. Answer questions about the Acme HR handbook only.` }],
      // ok: prompt-injection
      messages: [{ role: 'user', content: [{ text: question }] }],
      inferenceConfig: { maxTokens: 512 },
    }),
  );
  return { answer: out.output?.message?.content?.[0]?.text ?? '' };
});

await app.listen({ port: 3000 });
