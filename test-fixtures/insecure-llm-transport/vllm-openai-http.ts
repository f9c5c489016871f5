// Batch script: OpenAI SDK pointed at a self-hosted vLLM server over plain http on the LAN
import OpenAI from 'openai';
import { readFile, writeFile } from 'node:fs/promises';

const vllm = new OpenAI({
  // expect: insecure-llm-transport
  baseURL: 'http://10.20.0.15:8000/v1',
  apiKey: process.env.VLLM_API_KEY,
});

async function main() {
  const rows: string[] = JSON.parse(await readFile('./products.json', 'utf8'));
  const out: string[] = [];
  for (const name of rows) {
    const completion = await vllm.chat.completions.create({
      model: 'meta-llama/Llama-3.1-8B-Instruct',
      max_tokens: 120,
      messages: [
        { role: 'system', content: 'Write a one-sentence product description.' },
        { role: 'user', content: name },
      ],
    });
    out.push(completion.choices[0].message.content ?? '');
  }
  await writeFile('./descriptions.json', JSON.stringify(out, null, 2));
}

main();
