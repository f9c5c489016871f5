// Customer chat: streams the assistant's answer to the chat widget as plain text.
import { Router } from "express";
import { requireAuth } from "../auth";
import { chatRateLimit } from "../rateLimits";
import { buildSystemPrompt } from "../services/prompts";
import { isFlagged, streamChatReply } from "../services/llm";

export const chatRouter = Router();

// ok: missing-rate-limit, unauthenticated-llm-endpoint
chatRouter.post("/", requireAuth, chatRateLimit, async (req, res) => {
  // useCompletion() sends { prompt, ...body }
  const message = String(req.body.prompt ?? "").trim();
  if (!message) {
    res.status(400).json({ error: "Message is empty." });
    return;
  }
  if (message.length > 4_000) {
    res.status(413).json({ error: "Message is too long." });
    return;
  }
  if (await isFlagged(message)) {
    res.status(422).json({ error: "This message can't be answered by the assistant." });
    return;
  }

  const systemPrompt = buildSystemPrompt(req.body.tone);

  res.setHeader("Content-Type", "text/plain; charset=utf-8");
  res.setHeader("Cache-Control", "no-store");
  try {
    // ok: unvalidated-llm-output
    await streamChatReply(systemPrompt, message, (token) => res.write(token));
  } catch (err) {
    console.error("chat stream failed", err);
    res.write("\n\nSorry, something went wrong. Please try again.");
  }
  res.end();
});
