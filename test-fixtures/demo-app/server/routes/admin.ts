// Admin console API: the ops agent, for staff with the admin role.
import { Router } from "express";
import { requireAuth, requireRole } from "../auth";
import { runOpsAgent } from "../services/agent";

export const adminRouter = Router();

// expect: missing-rate-limit
adminRouter.post("/ops-agent", requireAuth, requireRole("admin"), async (req, res) => {
  const question = String(req.body.question ?? "").trim();
  if (!question) {
    res.status(400).json({ error: "Ask a question." });
    return;
  }
  console.info(`ops-agent: ${req.user?.email} asked: ${question}`);
  const { answer, steps } = await runOpsAgent(question);
  res.json({ answer, steps });
});
