// Raw fetch to api.openai.com with the key inlined in the Authorization header
export async function suggestTitle(article: string): Promise<string> {
  const res = await fetch('https://api.openai.com/v1/chat/completions', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      // expect: hardcoded-llm-key
      Authorization: 'Bearer sk-proj-lhELfVlQ4LRjWGHBnkj0BPT3BlbkFJVU81MSvPm3U0ywzdWLaF1fKtGB',
    },
    body: JSON.stringify({
      model: 'gpt-4.1-nano',
      max_completion_tokens: 30,
      messages: [
        { role: 'system', content: 'Suggest a headline of at most eight words.' },
        { role: 'user', content: article },
      ],
    }),
  });
  const data = await res.json();
  return data.choices[0].message.content;
}
