// Ops agent for the admin console: staff ask about the HelpDesk deployment in plain English
// and the model uses tools to look at the server and the ticket database.
import { execSync } from "node:child_process";
import { generateText, stepCountIs, tool } from "ai";
import { openai } from "@ai-sdk/openai";
import { z } from "zod";
import { pool } from "../db";

const WORKERS = ["mailer", "indexer", "sla-timer"];

const opsTools = {
  // expect: excessive-agency
  runShell: tool({
    description: "Run a shell command on the HelpDesk server and return its output (logs, disk usage, processes).",
    inputSchema: z.object({ command: z.string().describe("The shell command to run") }),
    execute: async ({ command }) => {
      // expect: unvalidated-llm-output
      return execSync(command, { encoding: "utf8", timeout: 15_000 });
    },
  }),

  // ok: excessive-agency
  restartWorker: tool({
    description: "Restart one of the HelpDesk background workers.",
    inputSchema: z.object({ worker: z.string().describe(`One of: ${WORKERS.join(", ")}`) }),
    execute: async ({ worker }) => {
      if (!WORKERS.includes(worker)) {
        return `Unknown worker "${worker}".`;
      }
      execSync(`systemctl restart helpdesk-${worker}`, { timeout: 30_000 });
      return `Restarted ${worker}.`;
    },
  }),

  // ok: excessive-agency
  ticketStats: tool({
    description: "Count tickets per status in one queue.",
    inputSchema: z.object({ queue: z.string() }),
    execute: async ({ queue }) => {
      const { rows } = await pool.query(
        "SELECT status, count(*)::int AS count FROM tickets WHERE queue = $1 GROUP BY status",
        [queue],
      );
      return rows;
    },
  }),
};

export async function runOpsAgent(question: string): Promise<{ answer: string; steps: number }> {
  // expect: missing-max-tokens
  const result = await generateText({
    model: openai("gpt-4.1"),
    // expect: secret-in-prompt
    system: `You are the operations assistant for the HelpDesk AI deployment. Use the tools to answer. The production database is ${process.env.DATABASE_URL}; the workers run as systemd units.`,
    // ok: prompt-injection
    prompt: question,
    tools: opsTools,
    stopWhen: stepCountIs(8),
    maxTokens: 2_000,
  });

  return { answer: result.text, steps: result.steps.length };
}
