// SAFE: 'use client' component that only calls the app's own /api/chat route; no key in the browser
'use client';
import { useState } from 'react';

export function SupportChat() {
  const [message, setMessage] = useState('');
  const [reply, setReply] = useState('');

  async function send() {
    // ok: browser-exposed-llm-key
    const res = await fetch('/api/chat', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ message }),
    });
    const data: { reply: string } = await res.json();
    setReply(data.reply);
  }

  return (
    <div>
      <input value={message} onChange={(e) => setMessage(e.target.value)} />
      <button onClick={send}>Send</button>
      <p>{reply}</p>
    </div>
  );
}
