// SAFE (BYOK): 'use client' playground; the key is typed by the user into an <input> and kept in React state
'use client';
import { useMemo, useState } from 'react';
import Groq from 'groq-sdk';

export default function Playground() {
  const [apiKey, setApiKey] = useState('');
  const [prompt, setPrompt] = useState('');
  const [output, setOutput] = useState('');

  const groq = useMemo(
    // ok: browser-exposed-llm-key
    () => (apiKey ? new Groq({ apiKey, dangerouslyAllowBrowser: true }) : null),
    [apiKey],
  );

  async function run() {
    if (!groq) return;
    const chat = await groq.chat.completions.create({
      model: 'llama-3.1-8b-instant',
      max_completion_tokens: 512,
      messages: [{ role: 'user', content: prompt }],
    });
    setOutput(chat.choices[0]?.message?.content ?? '');
  }

  return (
    <main>
      {/* ok: hardcoded-llm-key */}
      <input type="password" value={apiKey} onChange={(e) => setApiKey(e.target.value)} placeholder="gsk_..." />
      <textarea value={prompt} onChange={(e) => setPrompt(e.target.value)} />
      <button onClick={run} disabled={!groq}>Run</button>
      <pre>{output}</pre>
    </main>
  );
}
