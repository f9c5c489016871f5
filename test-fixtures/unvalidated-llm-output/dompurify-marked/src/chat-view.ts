// Renders the model's markdown with marked, then DOMPurify.sanitize before it reaches innerHTML.
import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { groqFor } from './groq';

const keyInput = document.querySelector<HTMLInputElement>('#groq-key')!;
const log = document.querySelector<HTMLDivElement>('#log')!;

export async function send(question: string) {
  const groq = groqFor(keyInput.value);
  const completion = await groq.chat.completions.create({
    model: 'llama-3.3-70b-versatile',
    max_completion_tokens: 700,
    messages: [{ role: 'user', content: question }],
  });
  const html = await marked.parse(completion.choices[0]?.message?.content ?? '');
  const bubble = document.createElement('div');
  // ok: unvalidated-llm-output
  bubble.innerHTML = DOMPurify.sanitize(html);
  log.append(bubble);
}
