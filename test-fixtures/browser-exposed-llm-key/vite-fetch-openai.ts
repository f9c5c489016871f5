// Vite frontend: raw fetch to api.openai.com with a VITE_ key in the Authorization header
const OPENAI_URL = 'https://api.openai.com/v1/chat/completions';

export async function suggestReply(threadText: string): Promise<string> {
  const res = await fetch(OPENAI_URL, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      // expect: browser-exposed-llm-key
      Authorization: `Bearer ${import.meta.env.VITE_OPENAI_API_KEY}`,
    },
    body: JSON.stringify({
      model: 'gpt-4.1-nano',
      max_completion_tokens: 200,
      messages: [
        { role: 'system', content: 'Suggest a short, polite reply to the email.' },
        { role: 'user', content: threadText },
      ],
    }),
  });
  const data = await res.json();
  return data.choices?.[0]?.message?.content ?? '';
}
