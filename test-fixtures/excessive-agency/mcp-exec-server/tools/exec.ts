// Registers an MCP tool that spawns whatever program and arguments the calling model sends.
import { spawnSync } from 'node:child_process';
import { z } from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

export function registerExecTool(server: McpServer) {
  // expect: excessive-agency
  server.registerTool('exec', {
    title: 'Run program',
    description: 'Run a program with arguments on the host and return its output.',
    inputSchema: { program: z.string(), args: z.array(z.string()).default([]) },
  }, async ({ program, args }) => {
    // expect: unvalidated-llm-output
    const out = spawnSync(program, args, { encoding: 'utf8' });
    return { content: [{ type: 'text', text: `${out.stdout}${out.stderr}` }] };
  });
}
