// ESM script: Ollama chat and generate with options that set temperature but not num_predict.
import ollama from 'ollama';

export async function tagImageCaption(caption) {
  // expect: missing-max-tokens
  const res = await ollama.chat({
    model: 'llama3.1',
    options: { temperature: 0.2 },
    messages: [
      { role: 'system', content: 'Return three comma-separated tags for the caption.' },
      { role: 'user', content: caption },
    ],
  });
  return res.message.content.split(',').map((t) => t.trim());
}

export async function haiku(subject) {
  // expect: missing-max-tokens
  const res = await ollama.generate({ model: 'gemma3', system: 'Write a haiku about the subject.', prompt: subject });
  return res.response;
}
