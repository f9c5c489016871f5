// Conversation state for the chat window: earlier turns, and the hand-off to a human agent.
import { useCallback, useState } from "react";

export interface ChatMessage {
  id: string;
  role: "customer" | "assistant";
  text: string;
}

export function useAssistant(token: string) {
  const [transcript, setTranscript] = useState<ChatMessage[]>([]);
  const [ticketId, setTicketId] = useState<number | null>(null);
  const [escalating, setEscalating] = useState(false);

  /** Moves a finished question/answer pair into the transcript. */
  const record = useCallback((question: string, answer: string) => {
    setTranscript((previous) => [
      ...previous,
      { id: crypto.randomUUID(), role: "customer", text: question },
      { id: crypto.randomUUID(), role: "assistant", text: answer },
    ]);
  }, []);

  /** Creates a ticket from the conversation so far (plus the turn on screen); a human agent takes over from there. */
  const escalate = useCallback(async (current?: { question: string; answer: string }) => {
    const turns = current
      ? [...transcript, { role: "customer", text: current.question }, { role: "assistant", text: current.answer }]
      : transcript;
    setEscalating(true);
    try {
      const response = await fetch("/api/tickets", {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
        body: JSON.stringify({
          subject: turns[0]?.text.slice(0, 120) || "Chat hand-off",
          transcript: turns.map(({ role, text }) => ({ role, text })),
        }),
      });
      if (!response.ok) {
        throw new Error(`Could not create a ticket (HTTP ${response.status}).`);
      }
      const { id } = (await response.json()) as { id: number };
      setTicketId(id);
    } finally {
      setEscalating(false);
    }
  }, [token, transcript]);

  return { transcript, record, escalate, escalating, ticketId };
}
