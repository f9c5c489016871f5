// OpenAI calls behind the customer chat: moderation of incoming messages and the streamed answer.
import { openai } from "../lib/clients";

const CHAT_MODEL = "gpt-4.1-mini";

/** True when OpenAI's moderation endpoint flags the text. */
export async function isFlagged(text: string): Promise<boolean> {
  // ok: missing-max-tokens
  const result = await openai.moderations.create({ model: "omni-moderation-latest", input: text });
  return result.results.some((r) => r.flagged);
}

/** Streams the assistant's answer, calling onToken for every chunk of text. */
export async function streamChatReply(
  systemPrompt: string,
  userMessage: string,
  onToken: (token: string) => void,
): Promise<void> {
  // expect: missing-max-tokens
  const stream = await openai.chat.completions.create({
    model: CHAT_MODEL,
    stream: true,
    temperature: 0.3,
    messages: [
      // expect: prompt-injection
      { role: "system", content: systemPrompt },
      // ok: prompt-injection
      { role: "user", content: userMessage },
    ],
  });

  for await (const chunk of stream) {
    const token = chunk.choices[0]?.delta?.content;
    if (token) onToken(token);
  }
}
