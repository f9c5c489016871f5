// Barrel file re-exporting the shared client and the tagging constants.
export { openai } from './openai';

export const TAG_MODEL = 'gpt-4o-mini';
export const TAGS = ['bug', 'feature', 'question', 'docs'] as const;
export type Tag = (typeof TAGS)[number];

export function isTag(value: string): value is Tag {
  return (TAGS as readonly string[]).includes(value);
}
