// MCP stdio server entry point; the exec tool is registered from ./tools/exec.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { registerExecTool } from './tools/exec';

const server = new McpServer({ name: 'devbox', version: '1.0.0' });
registerExecTool(server);

const transport = new StdioServerTransport();
await server.connect(transport);
console.error('devbox MCP server running on stdio');
