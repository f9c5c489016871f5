// An MCP tool that asks another model for a review: the calling model chooses the tool's arguments, so an
// argument in the reviewer's instructions is injectable; the text under review as its own user message is not.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import OpenAI from 'openai';
import { z } from 'zod';

const openai = new OpenAI();
const server = new McpServer({ name: 'reviewer', version: '1.0.0' });

server.tool(
  'review_text',
  'Review prose against a style guide.',
  { text: z.string(), styleGuide: z.string() },
  async ({ text, styleGuide }) => {
    const completion = await openai.chat.completions.create({
      model: 'gpt-4o-mini',
      max_completion_tokens: 900,
      messages: [
        // expect: prompt-injection
        { role: 'developer', content: 'You are an editor. Apply this style guide strictly:\n' + styleGuide },
        // ok: prompt-injection
        { role: 'user', content: text },
      ],
    });
    return { content: [{ type: 'text', text: completion.choices[0].message.content ?? '' }] };
  },
);
