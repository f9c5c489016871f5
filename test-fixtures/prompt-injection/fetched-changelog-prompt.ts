// Queue worker: a fetched third-party changelog is concatenated into an instruction prompt (indirect injection)
import { generateText } from 'ai';
import { anthropic } from '@ai-sdk/anthropic';
import { Worker } from 'bullmq';

async function summarizeRelease(repo: string): Promise<string> {
  const res = await fetch(`https://raw.githubusercontent.com/${repo}/main/CHANGELOG.md`);
  const changelog = await res.text();

  const { text } = await generateText({
    model: anthropic('claude-haiku-4-5'),
    maxOutputTokens: 400,
    // expect: prompt-injection
    prompt: 'Summarize the breaking changes in this changelog as a bullet list for our upgrade ticket:\n' + changelog,
  });
  return text;
}

new Worker(
  'release-digest',
  async (job) => {
    const summary = await summarizeRelease(job.data.repo);
    await job.updateData({ ...job.data, summary });
  },
  { connection: { url: process.env.REDIS_URL } },
);
