// AI SDK v5+ (no package.json pins ai < 5): `maxTokens` is the stale v4 name and caps nothing.
import { generateText, streamText } from 'ai';
import { openai } from '@ai-sdk/openai';

export async function draftReleaseNotes(commits: string) {
  // expect: missing-max-tokens
  const { text } = await generateText({
    model: openai('gpt-4o-mini'),
    maxTokens: 800,
    system: 'Turn the commit list into release notes grouped by feature and fix.',
    prompt: commits,
  });
  return text;
}

export function explainDiff(diff: string) {
  // expect: missing-max-tokens
  return streamText({
    model: openai('gpt-4.1'),
    system: 'Explain the diff to a reviewer.',
    prompt: diff,
  });
}
