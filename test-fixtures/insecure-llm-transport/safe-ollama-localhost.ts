// SAFE: Ollama on the developer's own machine over http://localhost (loopback)
import { Ollama } from 'ollama';

const ollama = new Ollama({
  // ok: insecure-llm-transport
  host: 'http://localhost:11434',
});

export async function commitSummary(log: string): Promise<string> {
  const res = await ollama.generate({
    model: 'llama3.2:3b',
    system: 'Summarize git log output as a short changelog.',
    prompt: log,
    options: { num_predict: 300 },
  });
  return res.response;
}
