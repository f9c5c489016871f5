// MCP server whose write_file tool writes model-supplied content to a model-supplied path.
import { writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';

const server = new McpServer({ name: 'workspace-files', version: '0.3.0' });

// expect: excessive-agency
server.tool('write_file', 'Write text to a file on disk', { path: z.string(), content: z.string() }, async ({ path, content }) => {
  // expect: unvalidated-llm-output
  await writeFile(path, content, 'utf8');
  return { content: [{ type: 'text', text: `Saved ${path}` }] };
});

await server.connect(new StdioServerTransport());
