// LangChain ChatOpenAI whose `configuration.baseURL` is an http proxy on another host
import { ChatOpenAI } from '@langchain/openai';
import { ChatPromptTemplate } from '@langchain/core/prompts';

const model = new ChatOpenAI({
  model: 'gpt-4.1-mini',
  maxTokens: 400,
  apiKey: process.env.OPENAI_API_KEY,
  configuration: {
    // expect: insecure-llm-transport
    baseURL: 'http://openai-proxy.platform.svc.cluster.example:8080/v1',
  },
});

const prompt = ChatPromptTemplate.fromMessages([
  ['system', 'Write release notes from the merged pull-request titles.'],
  ['human', '{titles}'],
]);

export async function releaseNotes(titles: string[]): Promise<string> {
  const msg = await prompt.pipe(model).invoke({ titles: titles.join('\n') });
  return msg.text;
}
