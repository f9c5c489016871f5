// Customer chat window: the assistant's current answer streams in and is rendered as Markdown;
// earlier turns are listed above it as plain text.
import { useState, type FormEvent } from "react";
import { useCompletion } from "@ai-sdk/react";
import { marked } from "marked";
import { useAssistant } from "../hooks/useAssistant";
import { ReplyAssist } from "./ReplyAssist";

const TONES = ["friendly", "formal", "concise"] as const;
type Tone = (typeof TONES)[number];

export function ChatWindow({ token }: { token: string }) {
  const [draft, setDraft] = useState("");
  const [tone, setTone] = useState<Tone>("friendly");
  const [question, setQuestion] = useState("");
  const { transcript, record, escalate, escalating, ticketId } = useAssistant(token);
  // ok: missing-max-tokens, browser-exposed-llm-key
  const { completion, complete, isLoading, error } = useCompletion({
    api: "/api/chat",
    streamProtocol: "text",
    headers: { Authorization: `Bearer ${token}` },
    body: { tone },
  });

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = draft.trim();
    if (!text || isLoading) return;
    if (question && completion) record(question, completion);
    setQuestion(text);
    setDraft("");
    await complete(text);
  }

  return (
    <section className="chat-window" aria-label="Chat with HelpDesk AI">
      <ol className="transcript">
        {transcript.map((message) => (
          <li key={message.id} className={`bubble bubble-${message.role}`}>
            {/* ok: unvalidated-llm-output */}
            {message.text}
          </li>
        ))}
        {question && <li className="bubble bubble-customer">{question}</li>}
      </ol>

      {completion && (
        <article className="bubble bubble-assistant answer">
          {/* expect: unvalidated-llm-output */}
          <div className="markdown" dangerouslySetInnerHTML={{ __html: marked.parse(completion, { async: false }) }} />
        </article>
      )}
      {error && (
        <p role="alert" className="chat-error">
          The assistant is unavailable right now. Please try again or talk to a human agent.
        </p>
      )}

      <form className="composer" onSubmit={handleSubmit}>
        <textarea
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          placeholder="Describe your problem…"
          rows={3}
          maxLength={4000}
        />
        <label>
          Tone
          <select value={tone} onChange={(event) => setTone(event.target.value as Tone)}>
            {TONES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={isLoading || !draft.trim()}>
          {isLoading ? "Answering…" : "Send"}
        </button>
      </form>

      <ReplyAssist draft={draft} onUse={setDraft} />

      <div className="handoff">
        {ticketId ? (
          <p>
            Ticket #{ticketId} created. A support agent will reply by e-mail.
          </p>
        ) : (
          <button
            type="button"
            onClick={() => escalate(question && completion ? { question, answer: completion } : undefined)}
            disabled={escalating || !question}
          >
            Talk to a human
          </button>
        )}
      </div>
    </section>
  );
}
