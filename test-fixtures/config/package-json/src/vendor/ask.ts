import OpenAI from 'openai';

const openai = new OpenAI();

export async function ask(question: string): Promise<string> {
  // excluded by the config ("exclude": ["src/vendor/"]): never reported
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: question }] });
  return completion.choices[0]?.message.content ?? '';
}
