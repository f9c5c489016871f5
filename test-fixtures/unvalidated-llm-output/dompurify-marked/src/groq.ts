// Bring-your-own-key Groq client for the browser chat widget; the key is typed in by the user.
import Groq from 'groq-sdk';

export function groqFor(apiKey: string) {
  if (!apiKey.trim()) {
    throw new Error('Enter your Groq API key to start chatting.');
  }
  // ok: browser-exposed-llm-key
  return new Groq({ apiKey, dangerouslyAllowBrowser: true });
}
