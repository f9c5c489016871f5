// Shared Mistral client; the (prefix-less) key is a literal in the constructor
import { Mistral } from '@mistralai/mistralai';

export const mistral = new Mistral({
  // expect: hardcoded-llm-key
  apiKey: 'Xg8FejvNU8lOXuXSq66JkRsemVDXgedQ',
});

export const MODEL = 'mistral-small-latest';
export const MAX_TOKENS = 400;
