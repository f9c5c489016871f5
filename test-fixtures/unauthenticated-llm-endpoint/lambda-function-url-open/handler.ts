// Lambda function URL (no authorizer) calling the model with no auth and no rate limit.
import type { LambdaFunctionURLEvent, LambdaFunctionURLResult } from 'aws-lambda';
import Anthropic from '@anthropic-ai/sdk';

const anthropic = new Anthropic();

// expect: missing-rate-limit, unauthenticated-llm-endpoint
export const handler = async (event: LambdaFunctionURLEvent): Promise<LambdaFunctionURLResult> => {
  const { question } = JSON.parse(event.body ?? '{}');
  const msg = await anthropic.messages.create({
    model: 'claude-3-5-haiku-latest',
    max_tokens: 400,
    messages: [{ role: 'user', content: String(question) }],
  });
  return { statusCode: 200, body: JSON.stringify(msg.content) };
};
