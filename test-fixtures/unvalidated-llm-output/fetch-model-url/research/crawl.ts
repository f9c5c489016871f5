// Server-side fetch of the URL chosen by the model in ./pick-source (SSRF into internal hosts).
import { pickSourceUrl } from './pick-source';

export async function crawlTopic(topic: string): Promise<string> {
  const url = await pickSourceUrl(topic);
  // expect: unvalidated-llm-output
  const page = await fetch(url, { headers: { 'user-agent': 'docs-bot/1.0' } });
  return page.text();
}

crawlTopic(process.argv[2] ?? 'node streams backpressure').then((html) => console.log(html.length));
