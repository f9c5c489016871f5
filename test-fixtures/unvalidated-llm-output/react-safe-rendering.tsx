// Client components that render model output as JSX text and with plain ReactMarkdown (HTML is escaped).
'use client';

import { useChat, useCompletion } from '@ai-sdk/react';
import ReactMarkdown from 'react-markdown';

export function Summary({ article }: { article: string }) {
  const { completion, complete } = useCompletion({ api: '/api/summary' });
  return (
    <aside>
      <button onClick={() => complete(article)}>Summarize</button>
      {/* ok: unvalidated-llm-output */}
      <p className="summary">{completion}</p>
      {/* ok: unvalidated-llm-output */}
      <ReactMarkdown>{completion}</ReactMarkdown>
    </aside>
  );
}

export function Transcript() {
  const { messages } = useChat();
  return (
    <ul>
      {messages.map((m) => (
        <li key={m.id}>
          {m.parts.map((part, i) =>
            part.type === 'text' ? (
              // ok: unvalidated-llm-output
              <span key={i}>{part.text}</span>
            ) : null,
          )}
        </li>
      ))}
    </ul>
  );
}
