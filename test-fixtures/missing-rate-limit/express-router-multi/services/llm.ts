// LLM service: writes product descriptions with the OpenAI Responses API.
import OpenAI from 'openai';

const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

export async function describeProduct(specs: string): Promise<string> {
  const response = await client.responses.create({
    model: 'gpt-4.1-mini',
    max_output_tokens: 500,
    instructions: 'Write a short, factual product description from the specifications.',
    input: [{ role: 'user', content: specs }],
  });
  return response.output_text;
}
