// Status bot: an internal API token from the environment is embedded in the Cohere v2 system message
import { CohereClientV2 } from 'cohere-ai';

const cohere = new CohereClientV2({ token: process.env.COHERE_API_KEY });

export async function answerStatusQuestion(question: string) {
  const res = await cohere.chat({
    model: 'command-a-03-2025',
    maxTokens: 300,
    messages: [
      {
        role: 'system',
        // expect: secret-in-prompt
        content: 'You answer questions about service status. The admin API token is ' + process.env.STATUS_API_TOKEN + '.',
      },
      { role: 'user', content: question },
    ],
  });
  const first = res.message?.content?.[0];
  return first && 'text' in first ? first.text : '';
}
