// Lambda behind an HTTP API with a JWT authorizer, rate limited per user with Upstash: neither rule applies.
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyResultV2 } from 'aws-lambda';
import OpenAI from 'openai';
import { Ratelimit } from '@upstash/ratelimit';
import { Redis } from '@upstash/redis';

const openai = new OpenAI();
const ratelimit = new Ratelimit({ redis: Redis.fromEnv(), limiter: Ratelimit.slidingWindow(20, '1 h') });

export const handler = async (event: APIGatewayProxyEventV2WithJWTAuthorizer): Promise<APIGatewayProxyResultV2> => {
  const sub = event.requestContext.authorizer.jwt.claims.sub;
  const { success } = await ratelimit.limit(String(sub));
  if (!success) return { statusCode: 429, body: 'slow down' };
  const { text } = JSON.parse(event.body ?? '{}');
  const r = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_completion_tokens: 300,
    messages: [
      { role: 'system', content: 'Summarise the text in one paragraph.' },
      { role: 'user', content: String(text) },
    ],
  });
  return { statusCode: 200, body: JSON.stringify({ summary: r.choices[0].message.content }) };
};
