// 'use client' component: AI SDK provider created in the browser with a NEXT_PUBLIC_ key
'use client';
import { useState } from 'react';
import { generateText } from 'ai';
import { createOpenAI } from '@ai-sdk/openai';

const openai = createOpenAI({
  // expect: browser-exposed-llm-key
  apiKey: process.env.NEXT_PUBLIC_OPENAI_KEY,
});

export function TitleSuggester({ body }: { body: string }) {
  const [title, setTitle] = useState('');

  async function suggest() {
    const { text } = await generateText({
      model: openai('gpt-4.1-nano'),
      maxOutputTokens: 30,
      system: 'Suggest a title of at most eight words for the post.',
      prompt: body,
    });
    setTitle(text);
  }

  return (
    <div>
      <button onClick={suggest}>Suggest title</button>
      {title && <h2>{title}</h2>}
    </div>
  );
}
