// AWS Lambda handler (untyped, CommonJS): a query parameter of the event chooses the reply language in the system
// prompt. Its trigger is not declared, so it is not judged as an HTTP endpoint — its input is still untrusted.
'use strict';

const { BedrockRuntimeClient, ConverseCommand } = require('@aws-sdk/client-bedrock-runtime');

const client = new BedrockRuntimeClient({ region: process.env.AWS_REGION || 'eu-west-1' });

exports.handler = async (event) => {
  const body = JSON.parse(event.body || '{}');
  const language = (event.queryStringParameters || {}).lang || 'English';
  const out = await client.send(new ConverseCommand({
    modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
    // expect: prompt-injection
    system: [{ text: `You are a travel concierge. Reply only in ${language} and only about bookings.` }],
    messages: [{ role: 'user', content: [{ text: String(body.message) }] }],
    inferenceConfig: { maxTokens: 512 },
  }));
  return { statusCode: 200, body: JSON.stringify({ reply: out.output?.message?.content?.[0]?.text ?? '' }) };
};
