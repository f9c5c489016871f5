// HelpDesk AI API server (Express 5).
import express from "express";
import passport from "passport";
import { configurePassport, requireAuth } from "./auth";
import { pool } from "./db";
import { apiRateLimit } from "./rateLimits";
import { chatRouter } from "./routes/chat";
import { ticketsRouter } from "./routes/tickets";
import { adminRouter } from "./routes/admin";
import { answerFromKb } from "./services/kb";

const app = express();
app.set("trust proxy", 1);
app.use(express.json({ limit: "200kb" }));

configurePassport();
app.use(passport.initialize());

app.get("/healthz", async (_req, res) => {
  await pool.query("SELECT 1");
  res.json({ status: "up" });
});

app.use("/api/chat", chatRouter);
app.use("/api/tickets", ticketsRouter);
app.use("/api/admin", adminRouter);

// Help-center search inside the signed-in app.
// ok: missing-rate-limit, unauthenticated-llm-endpoint
app.post("/api/help/ask", requireAuth, apiRateLimit, async (req, res) => {
  const answer = await answerFromKb(String(req.body.question ?? ""));
  res.json({ answer });
});

// The same search for the FAQ widget on the public marketing site (visitors are not signed in).
// expect: missing-rate-limit, unauthenticated-llm-endpoint
app.post("/api/public/ask", async (req, res) => {
  const answer = await answerFromKb(String(req.body.question ?? ""));
  res.json({ answer });
});

app.use((err: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
  console.error(err);
  res.status(err.name === "ZodError" ? 400 : 500).json({ error: err.name === "ZodError" ? "Invalid request." : "Internal error." });
});

const port = Number(process.env.PORT ?? 3000);
app.listen(port, () => {
  console.log(`HelpDesk AI API listening on :${port}`);
});
