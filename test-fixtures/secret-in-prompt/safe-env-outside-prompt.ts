// SAFE: the API key env var only configures the client; the env vars in the prompt are not secrets
import OpenAI from 'openai';

const openai = new OpenAI({
  // ok: secret-in-prompt
  apiKey: process.env.OPENAI_API_KEY,
  project: process.env.OPENAI_PROJECT_ID,
});

export async function welcomeMessage(firstName: string): Promise<string> {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4.1-nano',
    max_completion_tokens: 120,
    messages: [
      {
        role: 'system',
        // ok: secret-in-prompt
        content: `You greet new users of ${process.env.COMPANY_NAME}. Mention the help centre at ${process.env.SUPPORT_URL}.`,
      },
      { role: 'user', content: `Greet ${firstName}.` },
    ],
  });
  return completion.choices[0].message.content ?? '';
}
