// "Polish my message" helper under the chat composer: shows a rewritten draft and writing tips.
import { useRef, useState } from "react";
import DOMPurify from "dompurify";
import { marked } from "marked";
import { polishDraft, writingTips } from "../lib/openaiBrowser";

interface ReplyAssistProps {
  draft: string;
  onUse: (text: string) => void;
}

export function ReplyAssist({ draft, onUse }: ReplyAssistProps) {
  const previewRef = useRef<HTMLParagraphElement>(null);
  const tipsRef = useRef<HTMLDivElement>(null);
  const polishedRef = useRef("");
  const [busy, setBusy] = useState(false);
  const [ready, setReady] = useState(false);

  async function handlePolish() {
    if (!draft.trim() || !previewRef.current || !tipsRef.current) return;
    setBusy(true);
    try {
      const polished = await polishDraft(draft);
      polishedRef.current = polished;
      // ok: unvalidated-llm-output
      previewRef.current.textContent = polished;
      const tips = await writingTips(draft);
      // ok: unvalidated-llm-output
      tipsRef.current.innerHTML = DOMPurify.sanitize(await marked.parse(tips));
      setReady(true);
    } finally {
      setBusy(false);
    }
  }

  return (
    <aside className="reply-assist">
      <button type="button" onClick={handlePolish} disabled={busy || !draft.trim()}>
        {busy ? "Polishing…" : "Polish my message"}
      </button>
      <p ref={previewRef} className="reply-assist-preview" />
      <div ref={tipsRef} className="reply-assist-tips" />
      {ready && (
        <button type="button" onClick={() => onUse(polishedRef.current)}>
          Use this version
        </button>
      )}
    </aside>
  );
}
