// MCP save_note tool: path.basename strips directories so notes can only land in NOTES_DIR.
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';

const NOTES_DIR = path.resolve(process.env.HOME ?? '.', 'notes');
const server = new McpServer({ name: 'notes', version: '1.0.0' });

// ok: excessive-agency
server.registerTool('save_note', {
  description: 'Save a markdown note.',
  inputSchema: { name: z.string(), text: z.string() },
}, async ({ name, text }) => {
  const file = path.join(NOTES_DIR, `${path.basename(name, '.md')}.md`);
  await writeFile(file, text, 'utf8');
  return { content: [{ type: 'text', text: `Saved ${path.basename(file)}` }] };
});

await server.connect(new StdioServerTransport());
