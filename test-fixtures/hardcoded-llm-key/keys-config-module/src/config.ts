// App configuration object with an OpenAI key committed as a literal
export const config = {
  port: Number(process.env.PORT ?? 3000),
  openai: {
    // expect: hardcoded-llm-key
    apiKey: 'sk-proj-mnWovLtUlAdAphJGDE1kbMKCuTFYNmyrM88hfHDN61l2stD7',
    model: 'gpt-4.1-mini',
    maxCompletionTokens: 500,
  },
  logLevel: process.env.LOG_LEVEL ?? 'info',
} as const;
