// Shared model handle and system text for the project (ai v5 per package.json).
import { anthropic } from '@ai-sdk/anthropic';

export const model = anthropic('claude-haiku-4-5');

export const SYSTEM = [
  'You summarize customer support conversations for the team lead.',
  'Be factual and brief.',
].join(' ');
