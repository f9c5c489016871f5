// OpenAI Responses API call without max_output_tokens (max_completion_tokens does not apply here).
import OpenAI from 'openai';

const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

export async function weeklyNewsletter(highlights: string) {
  // expect: missing-max-tokens
  const response = await client.responses.create({
    model: 'gpt-4.1',
    instructions: 'Write the weekly engineering newsletter from the highlights.',
    input: [{ role: 'user', content: highlights }],
    temperature: 0.7,
  });
  return response.output_text;
}
