// Which provider a call site talks to: the SDK's own vendor for single-provider SDKs, the model id's provider
// prefix or shape for multi-provider SDKs (AI SDK, LangChain, LlamaIndex) and for the OpenAI SDK, which many
// other servers speak (Ollama, vLLM, xAI, OpenRouter): there an id that is not an OpenAI model is reported as
// "OpenAI-compatible server" rather than claimed to be OpenAI.
import type { LlmCallSite } from '../types';

const PREFIX: Record<string, string> = {
  openai: 'OpenAI',
  azure: 'Azure OpenAI',
  anthropic: 'Anthropic',
  google: 'Google',
  vertex: 'Google Vertex AI',
  mistral: 'Mistral',
  cohere: 'Cohere',
  groq: 'Groq',
  xai: 'xAI',
  deepseek: 'DeepSeek',
  'amazon-bedrock': 'Amazon Bedrock',
  bedrock: 'Amazon Bedrock',
  togetherai: 'Together AI',
  fireworks: 'Fireworks',
  perplexity: 'Perplexity',
  ollama: 'Ollama',
  openrouter: 'OpenRouter',
};

const BY_MODEL: [RegExp, string][] = [
  [/^(gpt-|o\d(-|$)|chatgpt|text-embedding|dall-e|whisper|tts-|omni-moderation|davinci|babbage|codex-|computer-use)/i, 'OpenAI'],
  [/^claude/i, 'Anthropic'],
  [/^(gemini|text-bison|chat-bison|embedding-00|text-embedding-00)/i, 'Google'],
  [/^(mistral|mixtral|codestral|ministral|pixtral|magistral|devstral)/i, 'Mistral'],
  [/^(command|embed-(english|multilingual)|rerank-)/i, 'Cohere'],
  [/^grok/i, 'xAI'],
  [/^deepseek/i, 'DeepSeek'],
];

/** Single-provider SDKs by import specifier (prefix match for scoped families). */
const BY_MODULE: [RegExp, string][] = [
  [/^@anthropic-ai\//, 'Anthropic'],
  [/^@google\/(genai|generative-ai)$/, 'Google'],
  [/^@mistralai\//, 'Mistral'],
  [/^cohere-ai$/, 'Cohere'],
  [/^@aws-sdk\/client-bedrock/, 'Amazon Bedrock'],
  [/^ollama$/, 'Ollama'],
  [/^groq-sdk$/, 'Groq'],
  [/^@openai\/agents/, 'OpenAI'],
  [/^@langchain\/openai$|^@llamaindex\/openai$|^@ai-sdk\/openai$/, 'OpenAI'],
  [/^@langchain\/anthropic$|^@llamaindex\/anthropic$|^@ai-sdk\/anthropic$/, 'Anthropic'],
  [/^@langchain\/google-genai$|^@langchain\/google-vertexai$|^@ai-sdk\/google$/, 'Google'],
  [/^@langchain\/mistralai$|^@ai-sdk\/mistral$/, 'Mistral'],
  [/^@langchain\/groq$|^@ai-sdk\/groq$/, 'Groq'],
  [/^@langchain\/cohere$|^@ai-sdk\/cohere$/, 'Cohere'],
  [/^@langchain\/ollama$|^ollama-ai-provider/, 'Ollama'],
  [/^@langchain\/aws$|^@ai-sdk\/amazon-bedrock$/, 'Amazon Bedrock'],
];

function byModelId(id: string): string | undefined {
  const colon = /^([a-z][\w-]*):(?!\d)/.exec(id);
  if (colon && PREFIX[colon[1]!]) return PREFIX[colon[1]!];
  return BY_MODEL.find(([re]) => re.test(id))?.[1];
}

export function providerOf(call: Pick<LlmCallSite, 'sdk' | 'module' | 'kind' | 'modelIds'>): string {
  const fromIds = [...new Set(call.modelIds.map(byModelId))];
  if (call.module === 'openai' || call.sdk === 'OpenAI') {
    if (call.kind === 'raw-http') return 'OpenAI';
    if (call.modelIds.length === 0) return 'OpenAI';
    if (fromIds.length === 1 && fromIds[0] === 'OpenAI') return 'OpenAI';
    return 'OpenAI-compatible server';
  }
  const byModule = BY_MODULE.find(([re]) => re.test(call.module))?.[1];
  if (byModule) return byModule;
  if (call.kind === 'raw-http') return call.sdk;
  const known = fromIds.filter((p): p is string => p !== undefined);
  if (known.length === 1 && fromIds.length === 1) return known[0]!;
  if (known.length > 1) return [...new Set(known)].sort().join(', ');
  return 'unknown';
}

/** OWASP Top 10 for LLM Applications 2025: the category names (the 2026 ids map to these one to one). */
export const OWASP_2025_NAMES: Record<string, string> = {
  'LLM01:2025': 'Prompt Injection',
  'LLM02:2025': 'Sensitive Information Disclosure',
  'LLM03:2025': 'Supply Chain',
  'LLM04:2025': 'Data and Model Poisoning',
  'LLM05:2025': 'Improper Output Handling',
  'LLM06:2025': 'Excessive Agency',
  'LLM07:2025': 'System Prompt Leakage',
  'LLM08:2025': 'Vector and Embedding Weaknesses',
  'LLM09:2025': 'Misinformation',
  'LLM10:2025': 'Unbounded Consumption',
};
