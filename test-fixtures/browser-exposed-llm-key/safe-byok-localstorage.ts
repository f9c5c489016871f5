// SAFE (BYOK): browser extension popup that reads the user's own key from localStorage
import Anthropic from '@anthropic-ai/sdk';

const STORAGE_KEY = 'anthropic_api_key';

export function getClient(): Anthropic | null {
  const key = localStorage.getItem(STORAGE_KEY);
  if (!key) return null;
  return new Anthropic({
    apiKey: key,
    // ok: browser-exposed-llm-key
    dangerouslyAllowBrowser: true,
  });
}

export async function explainPage(pageTitle: string): Promise<string> {
  const client = getClient();
  if (!client) return 'Add your Anthropic API key in the settings tab.';
  const msg = await client.messages.create({
    model: 'claude-haiku-4-5',
    max_tokens: 300,
    system: 'Explain in one paragraph what a web page with this title is probably about.',
    messages: [{ role: 'user', content: pageTitle }],
  });
  return msg.content[0]?.type === 'text' ? msg.content[0].text : '';
}
