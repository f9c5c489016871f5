// Raw fetch to the OpenAI API over plain http (the bearer key travels in clear text)
export async function moderateComment(comment: string): Promise<boolean> {
  // expect: insecure-llm-transport
  const res = await fetch('http://api.openai.com/v1/chat/completions', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${process.env.OPENAI_API_KEY}`,
    },
    body: JSON.stringify({
      model: 'gpt-4.1-nano',
      max_completion_tokens: 5,
      messages: [
        { role: 'system', content: 'Reply YES if the comment is abusive, otherwise NO.' },
        { role: 'user', content: comment },
      ],
    }),
  });
  const data = await res.json();
  return String(data.choices?.[0]?.message?.content).trim().toUpperCase() === 'YES';
}
