import OpenAI from 'openai';

// expect: hardcoded-llm-key
const openai = new OpenAI({ apiKey: 'sk-proj-jrZi31bjRTcm7lyjbWL2hV30sll3bjR23dyUYFSm2BJ0bmcu' });

export async function ask(question: string): Promise<string> {
  // ok: missing-max-tokens
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: question }] });
  return completion.choices[0]?.message.content ?? '';
}
