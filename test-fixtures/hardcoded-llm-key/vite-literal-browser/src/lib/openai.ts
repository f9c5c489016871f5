// Vite SPA: an OpenAI key literal in a browser-side client (also exposed to every visitor)
import OpenAI from 'openai';

export const openai = new OpenAI({
  // expect: hardcoded-llm-key
  apiKey: 'sk-proj-ntSJxz7g7VfsuDmghbJOT3BlbkFJs3iCHV37EH29bQHCDdZl5iaUUU7V',
  // expect: browser-exposed-llm-key
  dangerouslyAllowBrowser: true,
});

export const MODEL = 'gpt-4.1-nano';
