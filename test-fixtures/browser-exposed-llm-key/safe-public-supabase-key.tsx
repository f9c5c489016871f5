// SAFE: the only public key in the browser is Supabase's anon key; the LLM runs in a Supabase edge function
'use client';
import { useState } from 'react';
import { createClient } from '@supabase/supabase-js';

const supabase = createClient(
  process.env.NEXT_PUBLIC_SUPABASE_URL!,
  // ok: browser-exposed-llm-key
  process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY!,
);

export function Summarizer() {
  const [text, setText] = useState('');
  const [summary, setSummary] = useState('');

  async function summarize() {
    const { data, error } = await supabase.functions.invoke<{ summary: string }>('summarize', { body: { text } });
    setSummary(error ? 'Something went wrong' : data?.summary ?? '');
  }

  return (
    <div>
      <textarea value={text} onChange={(e) => setText(e.target.value)} />
      <button onClick={summarize}>Summarize</button>
      <p>{summary}</p>
    </div>
  );
}
