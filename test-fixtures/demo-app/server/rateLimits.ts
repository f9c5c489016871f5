// Per-client request budgets for the API (express-rate-limit, in-memory store).
import rateLimit from "express-rate-limit";

/** General API budget: 60 requests a minute. */
export const apiRateLimit = rateLimit({
  windowMs: 60_000,
  limit: 60,
  standardHeaders: "draft-8",
  legacyHeaders: false,
});

/** The chat widget is the most expensive endpoint: 20 messages a minute. */
export const chatRateLimit = rateLimit({
  windowMs: 60_000,
  limit: 20,
  standardHeaders: "draft-8",
  legacyHeaders: false,
  message: { error: "You are sending messages too quickly. Please wait a moment." },
});
