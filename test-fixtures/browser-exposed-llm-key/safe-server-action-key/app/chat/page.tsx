// Client page that imports the server action from ./actions (no key reaches the browser)
'use client';
import { useState, useTransition } from 'react';
// ok: browser-exposed-llm-key
import { reply } from './actions';

export default function ChatPage() {
  const [input, setInput] = useState('');
  const [answer, setAnswer] = useState('');
  const [pending, startTransition] = useTransition();

  return (
    <main>
      <input value={input} onChange={(e) => setInput(e.target.value)} />
      <button
        disabled={pending}
        onClick={() => startTransition(async () => setAnswer(await reply(input)))}
      >
        Ask
      </button>
      <p>{answer}</p>
    </main>
  );
}
