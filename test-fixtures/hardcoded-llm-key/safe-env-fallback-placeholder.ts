// SAFE: the env var fallback is an obvious placeholder, not a real key
import OpenAI from 'openai';

const openai = new OpenAI({
  // ok: hardcoded-llm-key
  apiKey: process.env.OPENAI_API_KEY || 'sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
});

export async function embedAndLabel(text: string): Promise<string> {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4.1-nano',
    max_completion_tokens: 10,
    messages: [
      { role: 'system', content: 'Label the text as question, complaint or praise. One word.' },
      { role: 'user', content: text },
    ],
  });
  return completion.choices[0].message.content ?? 'question';
}
