// Browser widget (bring-your-own-key) that writes the reply with textContent, which never parses markup.
import Anthropic from '@anthropic-ai/sdk';

export async function explainSelection(userKey: string, selection: string, answerEl: HTMLElement) {
  // ok: browser-exposed-llm-key
  const anthropic = new Anthropic({ apiKey: userKey, dangerouslyAllowBrowser: true });
  const message = await anthropic.messages.create({
    model: 'claude-haiku-4-5',
    max_tokens: 400,
    system: 'Explain the selected text in plain language.',
    messages: [{ role: 'user', content: selection }],
  });
  const reply = message.content.map((b) => (b.type === 'text' ? b.text : '')).join('');
  // ok: unvalidated-llm-output
  answerEl.textContent = reply;
}
