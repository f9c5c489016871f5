// Model and defaults for a project still on ai v4 (see package.json), where maxTokens is the cap.
import { openai } from '@ai-sdk/openai';

export const chatModel = openai('gpt-4o-mini');

export const SUMMARY_SYSTEM = [
  'Summarize the conversation for the agent taking over the ticket.',
  'List open questions and promised follow-ups.',
].join(' ');
