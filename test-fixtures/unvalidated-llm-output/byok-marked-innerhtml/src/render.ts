// Browser page: the model's markdown answer is converted with marked and assigned to innerHTML unsanitized.
import { marked } from 'marked';
import { createClient } from './client';

const form = document.querySelector<HTMLFormElement>('#ask')!;
const output = document.querySelector<HTMLDivElement>('#answer')!;

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const key = localStorage.getItem('openai-key') ?? '';
  const question = String(new FormData(form).get('question') ?? '');
  const client = createClient(key);
  const response = await client.responses.create({
    model: 'gpt-4.1-mini',
    max_output_tokens: 600,
    instructions: 'Answer in GitHub-flavoured markdown.',
    input: [{ role: 'user', content: question }],
  });
  // expect: unvalidated-llm-output
  output.innerHTML = await marked.parse(response.output_text);
});
