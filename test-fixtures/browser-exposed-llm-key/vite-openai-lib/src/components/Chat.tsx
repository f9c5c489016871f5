// Chat widget using the browser client exported from lib/openai.ts
import { useState } from 'react';
import { openai, CHAT_MODEL, MAX_TOKENS } from '../lib/openai';

type Msg = { role: 'user' | 'assistant'; content: string };

export function Chat() {
  const [messages, setMessages] = useState<Msg[]>([]);
  const [draft, setDraft] = useState('');

  async function send() {
    const next: Msg[] = [...messages, { role: 'user', content: draft }];
    setMessages(next);
    setDraft('');
    const completion = await openai.chat.completions.create({
      model: CHAT_MODEL,
      max_completion_tokens: MAX_TOKENS,
      messages: [{ role: 'system', content: 'You are a cooking assistant.' }, ...next],
    });
    setMessages([...next, { role: 'assistant', content: completion.choices[0].message.content ?? '' }]);
  }

  return (
    <div>
      {messages.map((m, i) => (
        <p key={i} className={m.role}>{m.content}</p>
      ))}
      <input value={draft} onChange={(e) => setDraft(e.target.value)} />
      <button onClick={send}>Send</button>
    </div>
  );
}
