// Prompt helpers shared by the review endpoints
export const REVIEW_MODEL = 'claude-sonnet-4-5';

export function buildReviewPrompt(reviewText: string): string {
  return [
    'Summarize this customer review in one sentence and rate its sentiment from 1 to 5.',
    'Reply as JSON with the keys "summary" and "rating".',
    reviewText,
  ].join('\n\n');
}

export function parseRating(raw: string): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= 5 ? n : 3;
}
