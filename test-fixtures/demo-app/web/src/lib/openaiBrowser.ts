// OpenAI straight from the browser, for the composer's "Polish my message" button
// (saves a round trip through the API server).
import OpenAI from "openai";

const client = new OpenAI({
  apiKey: import.meta.env.VITE_OPENAI_API_KEY,
  // expect: browser-exposed-llm-key
  dangerouslyAllowBrowser: true,
});

const COMPOSER_MODEL = "gpt-4.1-nano";

/** Rewrites the customer's draft so it is clear and polite, keeping its meaning and language. */
export async function polishDraft(draft: string): Promise<string> {
  const response = await client.chat.completions.create({
    model: COMPOSER_MODEL,
    max_completion_tokens: 400,
    messages: [
      {
        role: "system",
        content:
          "Rewrite the customer's message to a support team so it is clear, complete and polite. " +
          "Keep the meaning and the language. Return only the rewritten message.",
      },
      { role: "user", content: draft },
    ],
  });
  return response.choices[0].message.content ?? draft;
}

/** Up to three tips, as a Markdown list, on what to add so support can answer the first time. */
export async function writingTips(draft: string): Promise<string> {
  const response = await client.chat.completions.create({
    model: COMPOSER_MODEL,
    max_completion_tokens: 200,
    messages: [
      {
        role: "system",
        content:
          "You help customers write support requests. Reply with at most three short Markdown bullet points " +
          "saying what information is missing (account, error message, steps already tried).",
      },
      { role: "user", content: draft },
    ],
  });
  return response.choices[0].message.content ?? "";
}
