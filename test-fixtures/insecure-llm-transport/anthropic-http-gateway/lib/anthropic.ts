// Anthropic client routed through a corporate gateway, but the gateway URL is plain http
import Anthropic from '@anthropic-ai/sdk';

export const anthropic = new Anthropic({
  apiKey: process.env.ANTHROPIC_API_KEY,
  // expect: insecure-llm-transport
  baseURL: 'http://llm-gateway.corp.example.com/anthropic',
  maxRetries: 3,
});

export const DRAFT_MODEL = 'claude-sonnet-4-5';
