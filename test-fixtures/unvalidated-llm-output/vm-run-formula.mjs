// Spreadsheet helper (ESM JavaScript): Cohere writes a formula and vm.runInNewContext executes it.
import vm from 'node:vm';
import { CohereClientV2 } from 'cohere-ai';

const cohere = new CohereClientV2({ token: process.env.COHERE_API_KEY });

export async function evaluateFormula(description, row) {
  const response = await cohere.chat({
    model: 'command-r-plus-08-2024',
    maxTokens: 200,
    messages: [
      { role: 'system', content: 'Write a JavaScript expression over the object `row` that computes the requested value. Code only.' },
      { role: 'user', content: description },
    ],
  });
  const code = response.message?.content?.[0]?.text ?? '';
  // expect: unvalidated-llm-output
  return vm.runInNewContext(code, { row }, { timeout: 50 });
}
