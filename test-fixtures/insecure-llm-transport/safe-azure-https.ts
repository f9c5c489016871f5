// SAFE: OpenAI SDK pointed at an Azure OpenAI resource over https
import OpenAI from 'openai';

const azure = new OpenAI({
  // ok: insecure-llm-transport
  baseURL: 'https://acme-prod-eastus.openai.azure.com/openai/v1/',
  apiKey: process.env.AZURE_OPENAI_API_KEY,
});

export async function draftFaqAnswer(question: string): Promise<string> {
  const response = await azure.responses.create({
    model: 'gpt-4.1-mini',
    max_output_tokens: 300,
    instructions: 'Answer FAQ questions about Acme shipping in two sentences.',
    input: question,
  });
  return response.output_text;
}
