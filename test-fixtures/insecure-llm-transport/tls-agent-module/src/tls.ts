// Shared HTTPS agent for outbound calls behind the inspection proxy; certificate checks are disabled
import https from 'node:https';

export const proxyAgent = new https.Agent({
  keepAlive: true,
  maxSockets: 50,
  // expect: insecure-llm-transport
  rejectUnauthorized: false,
});

export const OUTBOUND_TIMEOUT_MS = 30_000;
