// Create React App: Anthropic client in the browser with a REACT_APP_ key
import React, { useState } from 'react';
import Anthropic from '@anthropic-ai/sdk';

const anthropic = new Anthropic({
  apiKey: process.env.REACT_APP_ANTHROPIC_API_KEY,
  // expect: browser-exposed-llm-key
  dangerouslyAllowBrowser: true,
});

export default function GrammarFixer() {
  const [text, setText] = useState('');
  const [fixed, setFixed] = useState('');

  const onFix = async () => {
    const msg = await anthropic.messages.create({
      model: 'claude-haiku-4-5',
      max_tokens: 500,
      system: 'Fix grammar and spelling. Return only the corrected text.',
      messages: [{ role: 'user', content: text }],
    });
    setFixed(msg.content[0].type === 'text' ? msg.content[0].text : '');
  };

  return (
    <div>
      <textarea value={text} onChange={(e) => setText(e.target.value)} />
      <button onClick={onFix}>Fix</button>
      <pre>{fixed}</pre>
    </div>
  );
}
