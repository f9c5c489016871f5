// Ops assistant: asks GPT for tool calls and passes them to ./dispatch for execution.
import OpenAI from 'openai';
import { handleToolCalls } from './dispatch';

const openai = new OpenAI();

export async function runOpsRequest(request: string) {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4.1-mini',
    max_completion_tokens: 500,
    messages: [
      { role: 'system', content: 'You are an ops assistant. Use run_command to inspect the server.' },
      { role: 'user', content: request },
    ],
    tools: [
      {
        type: 'function',
        function: {
          name: 'run_command',
          description: 'Run a shell command on the server.',
          parameters: { type: 'object', properties: { command: { type: 'string' } }, required: ['command'] },
        },
      },
    ],
  });
  return handleToolCalls(completion.choices[0].message.tool_calls ?? []);
}
