// Ollama client talking to a GPU box on the office network over plain http
import { Ollama } from 'ollama';

const ollama = new Ollama({
  // expect: insecure-llm-transport
  host: 'http://gpu-01.office.acme.net:11434',
});

export async function reviewDiff(diff: string): Promise<string> {
  const res = await ollama.chat({
    model: 'qwen2.5-coder:14b',
    options: { num_predict: 800, temperature: 0.1 },
    messages: [
      { role: 'system', content: 'You review code diffs. List bugs and risky changes only.' },
      { role: 'user', content: diff },
    ],
  });
  return res.message.content;
}
