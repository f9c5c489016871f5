// 'use client' component: OpenAI client built in the browser with a NEXT_PUBLIC_ key
'use client';
import { useState } from 'react';
import OpenAI from 'openai';

const openai = new OpenAI({
  apiKey: process.env.NEXT_PUBLIC_OPENAI_API_KEY,
  // expect: browser-exposed-llm-key
  dangerouslyAllowBrowser: true,
});

export default function SloganGenerator() {
  const [product, setProduct] = useState('');
  const [slogan, setSlogan] = useState('');

  async function generate() {
    const completion = await openai.chat.completions.create({
      model: 'gpt-4.1-nano',
      max_completion_tokens: 40,
      messages: [
        { role: 'system', content: 'Write one catchy slogan for the product. No hashtags.' },
        { role: 'user', content: product },
      ],
    });
    setSlogan(completion.choices[0].message.content ?? '');
  }

  return (
    <section>
      <input value={product} onChange={(e) => setProduct(e.target.value)} placeholder="Product name" />
      <button onClick={generate}>Generate</button>
      <p>{slogan}</p>
    </section>
  );
}
