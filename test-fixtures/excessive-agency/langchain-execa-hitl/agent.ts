// LangChain v1 agent tools running shell commands with execa: one paused for a human decision by the
// human-in-the-loop middleware, one not.
import { createAgent, tool, humanInTheLoopMiddleware } from 'langchain';
import { execa } from 'execa';
import { z } from 'zod';

// ok: excessive-agency
const deploy = tool(
  async ({ command }) => (await execa(command, { shell: true, cwd: '/srv/app' })).stdout,
  { name: 'deploy', description: 'Run a deployment command', schema: z.object({ command: z.string() }) },
);

// expect: excessive-agency
const diagnose = tool(
  // expect: unvalidated-llm-output
  async ({ program, args }) => (await execa(program, args)).stdout,
  { name: 'diagnose', description: 'Run any diagnostic program', schema: z.object({ program: z.string(), args: z.array(z.string()) }) },
);

export const opsAgent = createAgent({
  model: 'openai:gpt-4.1',
  tools: [deploy, diagnose],
  middleware: [humanInTheLoopMiddleware({ interruptOn: { deploy: { allowedDecisions: ['approve', 'reject'] }, diagnose: false } })],
});
