// SAFE (BYOK): the browser client is built from a key the user supplies at run time, passed as a parameter
import OpenAI from 'openai';

export function createUserClient(apiKey: string): OpenAI {
  return new OpenAI({
    apiKey,
    // ok: browser-exposed-llm-key
    dangerouslyAllowBrowser: true,
  });
}

export async function summarizeSelection(client: OpenAI, selection: string): Promise<string> {
  const completion = await client.chat.completions.create({
    model: 'gpt-4.1-mini',
    max_completion_tokens: 250,
    messages: [
      { role: 'system', content: 'Summarize the selected text in two sentences.' },
      { role: 'user', content: selection },
    ],
  });
  return completion.choices[0].message.content ?? '';
}
