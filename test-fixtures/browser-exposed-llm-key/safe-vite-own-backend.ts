// SAFE: Vite frontend reads only a public base URL and calls its own backend, which holds the LLM key
const API_BASE = import.meta.env.VITE_API_BASE_URL ?? '/api';

export async function askBackend(question: string, token: string): Promise<string> {
  // ok: browser-exposed-llm-key
  const res = await fetch(`${API_BASE}/assistant`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ question }),
  });
  if (!res.ok) throw new Error(`Assistant request failed: ${res.status}`);
  const { answer } = (await res.json()) as { answer: string };
  return answer;
}

export function renderAnswer(el: HTMLElement, answer: string): void {
  el.textContent = answer;
}
