// MCP weather tool: numeric coordinates go to one fixed HTTPS host, so the model cannot pick the target.
import { z } from 'zod';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';

const server = new McpServer({ name: 'weather', version: '1.2.0' });

// ok: excessive-agency
server.tool('get_forecast', 'Current temperature for a location', { latitude: z.number(), longitude: z.number() }, async ({ latitude, longitude }) => {
  const res = await fetch(`https://api.open-meteo.com/v1/forecast?latitude=${latitude}&longitude=${longitude}&current=temperature_2m`);
  const data = (await res.json()) as { current: { temperature_2m: number } };
  return { content: [{ type: 'text', text: `${data.current.temperature_2m} °C` }] };
});

await server.connect(new StdioServerTransport());
