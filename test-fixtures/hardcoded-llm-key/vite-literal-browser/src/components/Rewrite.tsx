// React component calling the browser client from lib/openai.ts
import { useState } from 'react';
import { openai, MODEL } from '../lib/openai';

export function Rewrite() {
  const [text, setText] = useState('');
  const [result, setResult] = useState('');

  async function onRewrite() {
    const completion = await openai.chat.completions.create({
      model: MODEL,
      max_completion_tokens: 300,
      messages: [
        { role: 'system', content: 'Rewrite the text to be clearer and shorter.' },
        { role: 'user', content: text },
      ],
    });
    setResult(completion.choices[0].message.content ?? '');
  }

  return (
    <div>
      <textarea value={text} onChange={(e) => setText(e.target.value)} />
      <button onClick={onRewrite}>Rewrite</button>
      <p>{result}</p>
    </div>
  );
}
