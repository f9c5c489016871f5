// Vue composable: Anthropic client in the browser with a VITE_ key
import { ref } from 'vue';
import Anthropic from '@anthropic-ai/sdk';

const client = new Anthropic({
  apiKey: import.meta.env.VITE_ANTHROPIC_API_KEY,
  // expect: browser-exposed-llm-key
  dangerouslyAllowBrowser: true,
});

export function useAssistant() {
  const answer = ref('');
  const loading = ref(false);

  async function ask(question: string) {
    loading.value = true;
    const msg = await client.messages.create({
      model: 'claude-haiku-4-5',
      max_tokens: 400,
      system: 'You answer questions about using the Acme dashboard.',
      messages: [{ role: 'user', content: question }],
    });
    answer.value = msg.content[0]?.type === 'text' ? msg.content[0].text : '';
    loading.value = false;
  }

  return { answer, loading, ask };
}
