// Responses API function_call items are dispatched by hand; the model-chosen URL is fetched as-is.
import OpenAI from 'openai';

const client = new OpenAI();

export async function browse(task: string) {
  const response = await client.responses.create({
    model: 'gpt-4.1',
    max_output_tokens: 1000,
    instructions: 'Use http_get to look things up on the web.',
    input: [{ role: 'user', content: task }],
    tools: [
      {
        type: 'function',
        name: 'http_get',
        description: 'GET a URL and return the body.',
        parameters: { type: 'object', properties: { url: { type: 'string' } }, required: ['url'], additionalProperties: false },
        strict: true,
      },
    ],
  });
  const results: string[] = [];
  for (const item of response.output) {
    if (item.type === 'function_call' && item.name === 'http_get') {
      const { url } = JSON.parse(item.arguments) as { url: string };
      // expect: excessive-agency, unvalidated-llm-output
      const res = await fetch(url);
      results.push(await res.text());
    }
  }
  return results;
}
