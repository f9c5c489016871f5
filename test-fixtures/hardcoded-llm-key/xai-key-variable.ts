// An xAI key assigned to a variable and used with the OpenAI SDK against api.x.ai (https)
import OpenAI from 'openai';

// expect: hardcoded-llm-key
const grokKey = 'xai-VcWhSSOtK3FENS5xkozVvIyKX372m7eD0ibLnov2UK0kVrnfPiLmT3HqJh26I8Rmx7Lc6T7GIp1BjMmR';

const grok = new OpenAI({ apiKey: grokKey, baseURL: 'https://api.x.ai/v1' });

export async function roast(tweet: string): Promise<string> {
  const completion = await grok.chat.completions.create({
    model: 'grok-3-mini',
    max_completion_tokens: 120,
    messages: [
      { role: 'system', content: 'Reply with a playful, kind one-liner about the tweet.' },
      { role: 'user', content: tweet },
    ],
  });
  return completion.choices[0].message.content ?? '';
}
