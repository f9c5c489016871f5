// SAFE: the GitHub token authenticates the fetch only; the fetched issues (delimited) are what reach the prompt
import OpenAI from 'openai';

const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

export async function weeklyIssueDigest(repo: string): Promise<string> {
  const res = await fetch(`https://api.github.com/repos/${repo}/issues?state=open&per_page=30`, {
    headers: { Authorization: `Bearer ${process.env.GITHUB_TOKEN}`, Accept: 'application/vnd.github+json' },
  });
  const issues: Array<{ number: number; title: string }> = await res.json();
  const list = issues.map((i) => `#${i.number} ${i.title}`).join('\n');

  const completion = await openai.chat.completions.create({
    model: 'gpt-4.1-mini',
    max_completion_tokens: 600,
    messages: [
      {
        role: 'user',
        // ok: secret-in-prompt
        content: `Group these open issues by theme and list the three most urgent.\n"""\n${list}\n"""`,
      },
    ],
  });
  return completion.choices[0].message.content ?? '';
}
