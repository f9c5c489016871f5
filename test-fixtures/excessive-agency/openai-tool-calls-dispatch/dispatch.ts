// Hand-written dispatcher: parses the tool call arguments and runs the command with execSync.
import { execSync } from 'node:child_process';
import type OpenAI from 'openai';

type ToolCall = OpenAI.Chat.Completions.ChatCompletionMessageToolCall;

export function handleToolCalls(toolCalls: ToolCall[]) {
  return toolCalls.map((call) => {
    if (call.type !== 'function' || call.function.name !== 'run_command') {
      return { role: 'tool' as const, tool_call_id: call.id, content: 'unknown tool' };
    }
    const args = JSON.parse(call.function.arguments) as { command: string };
    // expect: excessive-agency, unvalidated-llm-output
    const output = execSync(args.command, { encoding: 'utf8' });
    return { role: 'tool' as const, tool_call_id: call.id, content: output };
  });
}
