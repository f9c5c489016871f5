// Ticket endpoints: hand-off from the chat widget, inbound e-mail from the mail provider,
// and the AI tools of the agent console (natural-language search, summaries, reply drafts).
import { Router } from "express";
import { z } from "zod";
import { anthropic, openai, sqlModel, SQL_MODEL } from "../lib/clients";
import { getTicket, pool } from "../db";
import { requireAuth, requireRole } from "../auth";
import { apiRateLimit } from "../rateLimits";

export const ticketsRouter = Router();

const QUEUES = ["billing", "bugs", "accounts", "general"];

const TICKET_SCHEMA =
  "tickets(id int, subject text, body text, customer_name text, customer_email text, customer_phone text, " +
  "queue text, status text, created_at timestamptz, closed_at timestamptz)";

const INSERT_TICKET =
  "INSERT INTO tickets (customer_name, customer_email, subject, body, queue) VALUES ($1, $2, $3, $4, $5) RETURNING id";
const UPDATE_SUMMARY = "UPDATE tickets SET ai_summary = $1, ai_summary_at = now() WHERE id = $2";

const TicketId = z.coerce.number().int().positive();

const HandOff = z.object({
  subject: z.string().min(1).max(200),
  transcript: z
    .array(z.object({ role: z.enum(["customer", "assistant"]), text: z.string().max(8_000) }))
    .max(100),
});

const DraftRequest = z.object({
  language: z.enum(["en", "de", "fr", "es", "nl"]),
});

// Hand-off from the chat widget: the conversation so far becomes a ticket for a human agent.
// ok: missing-rate-limit
ticketsRouter.post("/", requireAuth, async (req, res) => {
  const { subject, transcript } = HandOff.parse(req.body);
  const body = transcript
    .map((m) => `${m.role === "customer" ? "Customer" : "HelpDesk AI"}: ${m.text}`)
    .join("\n\n");
  const { rows } = await pool.query<{ id: number }>(INSERT_TICKET, [
    req.user!.displayName,
    req.user!.email,
    subject,
    body,
    "general",
  ]);
  res.status(201).json({ id: rows[0].id });
});

// The mail provider posts every e-mail sent to support@ here; it becomes a ticket in the queue the model picks.
// expect: unauthenticated-llm-endpoint
ticketsRouter.post("/inbound-email", apiRateLimit, async (req, res) => {
  const { from, fromName, subject, text } = req.body;
  const triage = await openai.chat.completions.create({
    model: "gpt-4.1-nano",
    max_completion_tokens: 5,
    temperature: 0,
    messages: [
      {
        role: "user",
        // expect: prompt-injection
        content: `Classify this support e-mail into exactly one queue: billing, bugs, accounts or general. Reply with the queue name only.\n\nSubject: ${subject}\n\n${text}`,
      },
    ],
  });
  const suggested = (triage.choices[0].message.content ?? "").trim().toLowerCase();
  const queue = QUEUES.includes(suggested) ? suggested : "general";
  // ok: unvalidated-llm-output
  const { rows } = await pool.query<{ id: number }>(INSERT_TICKET, [fromName, from, subject, text, queue]);
  res.status(201).json({ id: rows[0].id, queue });
});

// Agent console search box: "open billing tickets from last week" -> SQL written by the model.
ticketsRouter.post("/search", requireAuth, requireRole("agent", "admin"), apiRateLimit, async (req, res) => {
  const question = String(req.body.question ?? "");
  const completion = await sqlModel.chat.completions.create({
    model: SQL_MODEL,
    max_tokens: 300,
    temperature: 0,
    messages: [
      {
        role: "system",
        content: `Translate the support agent's question into one PostgreSQL SELECT statement over this table:\n${TICKET_SCHEMA}\nReturn only the SQL.`,
      },
      // ok: prompt-injection
      { role: "user", content: question },
    ],
  });
  const reply = completion.choices[0].message.content;
  if (!reply) {
    res.status(502).json({ error: "The search model returned nothing." });
    return;
  }
  const sql = reply.replace(/```(sql)?/g, "").trim();
  // expect: unvalidated-llm-output
  const { rows } = await pool.query(sql);
  res.json({ sql, rows: rows.slice(0, 200) });
});

// Agent console: a short summary of the ticket for whoever picks it up; also stored on the ticket.
ticketsRouter.post("/:id/summary", requireAuth, requireRole("agent", "admin"), apiRateLimit, async (req, res) => {
  const id = TicketId.parse(req.params.id);
  const ticket = await getTicket(id);
  if (!ticket) {
    res.status(404).json({ error: "Ticket not found." });
    return;
  }
  const message = await anthropic.messages.create({
    model: "claude-sonnet-4-5",
    max_tokens: 400,
    system:
      "You summarise customer-support tickets for the agent who picks them up: the problem, what was tried, " +
      "and what the customer is waiting for. At most five bullet points.",
    messages: [
      {
        role: "user",
        // expect: secret-in-prompt
        content: `Customer: ${ticket.customerName} <${ticket.email}>, phone ${ticket.phone ?? "unknown"}\nSubject: ${ticket.subject}\n\n<ticket>\n${ticket.body}\n</ticket>`,
      },
    ],
  });
  const summary = message.content
    .map((block) => (block.type === "text" ? block.text : ""))
    .join("")
    .trim();
  // ok: unvalidated-llm-output
  await pool.query(UPDATE_SUMMARY, [summary, id]);
  res.json({ summary });
});

// Agent console: a first draft of the reply, in the language the agent picks.
ticketsRouter.post("/:id/draft-reply", requireAuth, requireRole("agent", "admin"), apiRateLimit, async (req, res) => {
  const id = TicketId.parse(req.params.id);
  const { language } = DraftRequest.parse(req.body);
  const ticket = await getTicket(id);
  if (!ticket) {
    res.status(404).json({ error: "Ticket not found." });
    return;
  }
  const completion = await openai.chat.completions.create({
    model: "gpt-4.1-mini",
    max_completion_tokens: 700,
    messages: [
      {
        role: "system",
        // ok: prompt-injection
        content: `You draft replies for Acme Cloud support agents. Write the reply in the language with ISO code "${language}". Be concise and friendly, and never promise refunds, credits or dates.`,
      },
      { role: "user", content: ticket.body },
    ],
  });
  res.json({ draft: completion.choices[0].message.content });
});
