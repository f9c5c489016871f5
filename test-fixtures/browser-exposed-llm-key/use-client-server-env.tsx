// 'use client' module constructing the client with the browser flag (the key is meant to be server-only)
'use client';
import { useEffect, useState } from 'react';
import OpenAI from 'openai';

const openai = new OpenAI({
  apiKey: process.env.OPENAI_API_KEY,
  // expect: browser-exposed-llm-key
  dangerouslyAllowBrowser: true,
});

export function DailyTip({ topic }: { topic: string }) {
  const [tip, setTip] = useState('');

  useEffect(() => {
    openai.responses
      .create({
        model: 'gpt-4.1-nano',
        max_output_tokens: 80,
        instructions: 'Give one practical tip in a single sentence.',
        input: topic,
      })
      .then((r) => setTip(r.output_text));
  }, [topic]);

  return <aside>{tip}</aside>;
}
