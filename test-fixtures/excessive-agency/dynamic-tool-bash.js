// CommonJS LangGraph agent with a DynamicTool that pipes the model's input string to execSync.
const { execSync } = require('child_process');
const { DynamicTool } = require('@langchain/core/tools');
const { ChatAnthropic } = require('@langchain/anthropic');
const { createReactAgent } = require('@langchain/langgraph/prebuilt');

// expect: excessive-agency
const bash = new DynamicTool({
  name: 'bash',
  description: 'Execute a bash command on the build server and return stdout.',
  // expect: unvalidated-llm-output
  func: async (input) => execSync(input, { encoding: 'utf8', timeout: 30_000 }),
});

const llm = new ChatAnthropic({ model: 'claude-sonnet-4-5', maxTokens: 1024 });
const agent = createReactAgent({ llm, tools: [bash] });

async function main() {
  const result = await agent.invoke({ messages: [{ role: 'user', content: process.argv[2] }] });
  console.log(result.messages.at(-1).content);
}

main();
