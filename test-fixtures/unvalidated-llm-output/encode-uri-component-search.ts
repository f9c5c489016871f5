// The model suggests a search term; it only reaches a fixed Wikipedia host through encodeURIComponent.
import OpenAI from 'openai';

const openai = new OpenAI();

export async function relatedArticles(question: string) {
  const response = await openai.responses.create({
    model: 'gpt-4.1-mini',
    max_output_tokens: 30,
    instructions: 'Reply with a two or three word encyclopedia search term for the question.',
    input: [{ role: 'user', content: question }],
  });
  const term = response.output_text.trim();
  // ok: unvalidated-llm-output
  const res = await fetch(`https://en.wikipedia.org/w/rest.php/v1/search/page?q=${encodeURIComponent(term)}&limit=5`);
  const data = (await res.json()) as { pages: { title: string }[] };
  return data.pages.map((p) => p.title);
}
