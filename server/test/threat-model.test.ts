// The threat model's content, exactly: on the demo app and on small fixture workspaces, each built to show one
// checklist item met or not (test-fixtures/threat-model/README.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { scan } from '../src/core';
import { loadRuleMetas } from '../src/core/rules';
import { buildThreatModel, type ThreatModel } from '../src/core/threat-model';
import { importsOf } from '../src/core/threat-model/evidence';
import { providerOf } from '../src/core/threat-model/providers';
import { categoryLines, checklistLines, componentLines, entryLines, evidenceLines, outputFlowLines, promptFlowLines, toolLines } from './helpers/threat-model';
import type { ScanResult } from '../src/core/types';

const ROOT = path.resolve(__dirname, '../../..');
const FIXTURES = path.join(ROOT, 'test-fixtures', 'threat-model');

async function modelOf(folder: string): Promise<{ model: ThreatModel; result: ScanResult }> {
  const result = await scan([folder], { cwd: ROOT });
  return { model: buildThreatModel(result, result.root), result };
}

function item(m: ThreatModel, step: number): string[] {
  return evidenceLines(m.checklist[step - 1]!);
}

/** Every category's count is the number of findings whose rule maps to it; none is missing. */
function assertCategoriesMatchFindings(model: ThreatModel, result: ScanResult): void {
  const metas = new Map(loadRuleMetas().map((m) => [m.id as string, m]));
  const expected = new Map<string, number>();
  for (const f of result.findings) for (const id of metas.get(f.ruleId)!.owasp2025) expected.set(id, (expected.get(id) ?? 0) + 1);
  assert.deepEqual(new Map(model.threats.map((c) => [c.owasp2025, c.count])), expected);
  for (const c of model.threats) {
    assert.equal(c.threats.length, c.count);
    assert.equal(c.open + c.suppressed, c.count);
    for (const t of c.threats) assert.ok(metas.get(t.ruleId)!.owasp2026.includes(c.owasp2026), `${t.ruleId} is in ${c.owasp2026}`);
  }
  assert.equal(model.summary.threats.total, result.findings.length);
}

test('demo app: entry points with their authentication, rate limits and the calls they reach', async () => {
  const { model } = await modelOf(path.join(ROOT, 'test-fixtures', 'demo-app'));
  assert.deepEqual(entryLines(model), [
    'POST /api/help/ask @server/index.ts:30 auth limited → server/services/kb.ts:42 (data-flow)',
    'POST /api/public/ask @server/index.ts:37 NO-AUTH NO-LIMIT → server/services/kb.ts:42 (data-flow)',
    'POST /api/admin/ops-agent @server/routes/admin.ts:9 auth NO-LIMIT → server/services/agent.ts:51 (data-flow)',
    'POST /api/chat @server/routes/chat.ts:11 auth limited → server/services/llm.ts:20 (data-flow)',
    'POST /api/tickets/inbound-email @server/routes/tickets.ts:54 NO-AUTH limited → server/routes/tickets.ts:56 (in-handler)',
    'POST /api/tickets/search @server/routes/tickets.ts:76 auth limited → server/routes/tickets.ts:78 (in-handler)',
    'POST /api/tickets/:id/summary @server/routes/tickets.ts:103 auth limited → server/routes/tickets.ts:110 (in-handler)',
    'POST /api/tickets/:id/draft-reply @server/routes/tickets.ts:134 auth limited → server/routes/tickets.ts:142 (in-handler)',
  ]);
  // GET /healthz does not reach a model: it is not part of the AI attack surface.
  assert.ok(!model.entryPoints.some((e) => e.name.includes('healthz')));
});

test('demo app: components, providers and model ids per SDK, browser calls marked', async () => {
  const { model } = await modelOf(path.join(ROOT, 'test-fixtures', 'demo-app'));
  assert.deepEqual(componentLines(model), [
    'Anthropic [sdk: @anthropic-ai/sdk] providers Anthropic; models claude-sonnet-4-5; calls messages.create@server/routes/tickets.ts:110 Anthropic claude-sonnet-4-5 from server/routes/tickets.ts:103',
    'LangChain [sdk: langchain] providers OpenAI; models gpt-4.1-mini; calls chain.invoke@server/services/kb.ts:42 OpenAI gpt-4.1-mini from server/index.ts:30+server/index.ts:37',
    'OpenAI [sdk: openai] providers OpenAI, OpenAI-compatible server; models defog/sqlcoder-7b-2, gpt-4.1-mini, gpt-4.1-nano; calls ' +
      'chat.completions.create@server/routes/tickets.ts:56 OpenAI gpt-4.1-nano from server/routes/tickets.ts:54; ' +
      'chat.completions.create@server/routes/tickets.ts:78 OpenAI-compatible server defog/sqlcoder-7b-2 from server/routes/tickets.ts:76; ' +
      'chat.completions.create@server/routes/tickets.ts:142 OpenAI gpt-4.1-mini from server/routes/tickets.ts:134; ' +
      'chat.completions.create@server/services/llm.ts:20 OpenAI gpt-4.1-mini from server/routes/chat.ts:11; ' +
      'chat.completions.create@web/src/lib/openaiBrowser.ts:15 OpenAI browser gpt-4.1-nano; ' +
      'chat.completions.create@web/src/lib/openaiBrowser.ts:33 OpenAI browser gpt-4.1-nano',
    'Vercel AI SDK [sdk: ai] providers OpenAI; models openai:gpt-4.1; calls generateText@server/services/agent.ts:51 OpenAI openai:gpt-4.1 from server/routes/admin.ts:9',
  ]);
  assert.deepEqual(model.summary.modelIds, ['claude-sonnet-4-5', 'defog/sqlcoder-7b-2', 'gpt-4.1-mini', 'gpt-4.1-nano', 'openai:gpt-4.1']);
});

test('demo app: data into prompts (with roles), retrieval, model output to sinks, tools', async () => {
  const { model } = await modelOf(path.join(ROOT, 'test-fixtures', 'demo-app'));
  assert.deepEqual(promptFlowLines(model), [
    'untrusted req.body (HTTP request body) @server/routes/tickets.ts:55 → a user message @server/routes/tickets.ts:64 [user] in server/routes/tickets.ts:56 from server/routes/tickets.ts:54 threats 1',
    'untrusted req.body (HTTP request body) @server/routes/tickets.ts:77 → a user message @server/routes/tickets.ts:88 [user] in server/routes/tickets.ts:78 from server/routes/tickets.ts:76',
    'pii ticket.email (personal data: email) @server/routes/tickets.ts:120 → a user message @server/routes/tickets.ts:120 [user] in server/routes/tickets.ts:110 from server/routes/tickets.ts:103 threats 1',
    'pii ticket.phone (personal data: phone) @server/routes/tickets.ts:120 → a user message @server/routes/tickets.ts:120 [user] in server/routes/tickets.ts:110 from server/routes/tickets.ts:103 threats 1',
    'secret process.env.DATABASE_URL (secret from the environment) @server/services/agent.ts:54 → the Vercel AI SDK instructions (system) @server/services/agent.ts:54 [instructions] in server/services/agent.ts:51 threats 1',
    'untrusted req.body (HTTP request body) @server/routes/admin.ts:10 → the Vercel AI SDK prompt (prompt) @server/services/agent.ts:56 [user] in server/services/agent.ts:51 from server/routes/admin.ts:9',
    'untrusted req.body (HTTP request body) @server/index.ts:31 → template variable {question} @server/services/kb.ts:42 [user] in server/services/kb.ts:42 from server/index.ts:30',
    'untrusted req.body (HTTP request body) @server/index.ts:38 → template variable {question} @server/services/kb.ts:42 [user] in server/services/kb.ts:42 from server/index.ts:37',
    'untrusted req.body (HTTP request body) @server/routes/chat.ts:27 → the system message @server/services/llm.ts:26 [instructions] in server/services/llm.ts:20 from server/routes/chat.ts:11 threats 1',
    'untrusted req.body (HTTP request body) @server/routes/chat.ts:13 → a user message @server/services/llm.ts:28 [user] in server/services/llm.ts:20 from server/routes/chat.ts:11',
  ]);
  assert.deepEqual(promptFlowLines(model, 'retrieval'), [
    'retrieved (await getStore()).similaritySearch(question, 4) (retrieved documents) @server/services/kb.ts:36 → template variable {context} @server/services/kb.ts:42 [instructions] in server/services/kb.ts:42 threats 1',
  ]);
  assert.deepEqual(outputFlowLines(model), [
    'model-output sqlModel.chat.completions.create() @server/routes/tickets.ts:78 → sql: SQL text (pool.query) @server/routes/tickets.ts:98 UNVALIDATED from server/routes/tickets.ts:78 threats 1',
    'tool-arguments arguments of tool "runShell" @server/services/agent.ts:16 → shell: a shell command (execSync) @server/services/agent.ts:18 UNVALIDATED tool server/services/agent.ts:13 threats 2',
    'model-output useCompletion() @web/src/components/ChatWindow.tsx:18 → html: HTML rendering (dangerouslySetInnerHTML) @web/src/components/ChatWindow.tsx:50 UNVALIDATED threats 1',
    'model-output client.chat.completions.create() @web/src/lib/openaiBrowser.ts:33 → html: HTML rendering (innerHTML assignment) @web/src/components/ReplyAssist.tsx:29 validated from web/src/lib/openaiBrowser.ts:33',
  ]);
  assert.deepEqual(toolLines(model), [
    'runShell @server/services/agent.ts:13 [shell] dangerous [shell] no-approval UNCONFINED given by server/services/agent.ts:51',
    'restartWorker @server/services/agent.ts:23 [shell] dangerous [shell] no-approval confined given by server/services/agent.ts:51',
    'ticketStats @server/services/agent.ts:36 [database] dangerous [database] no-approval confined given by server/services/agent.ts:51',
  ]);
});

test('demo app: threats by OWASP category, counts equal to the findings', async () => {
  const { model, result } = await modelOf(path.join(ROOT, 'test-fixtures', 'demo-app'));
  assert.deepEqual(categoryLines(model), [
    'LLM01:2025/LLM01:2026 Prompt Injection: 3 (3 open, 0 suppressed)',
    'LLM02:2025/LLM02:2026 Sensitive Information Disclosure: 5 (5 open, 0 suppressed)',
    'LLM05:2025/LLM10:2026 Improper Output Handling: 3 (3 open, 0 suppressed)',
    'LLM06:2025/LLM03:2026 Excessive Agency: 1 (1 open, 0 suppressed)',
    'LLM07:2025/LLM08:2026 System Prompt Leakage: 2 (2 open, 0 suppressed)',
    'LLM10:2025/LLM06:2026 Unbounded Consumption: 6 (6 open, 0 suppressed)',
  ]);
  assertCategoriesMatchFindings(model, result);
  const injection = model.threats[0]!.threats.map((t) => `${t.severity} ${t.ruleId} ${t.location.file}:${t.location.line} ${t.mitigation.status}`);
  assert.deepEqual(injection, [
    'error prompt-injection server/services/kb.ts:42 open',
    'error prompt-injection server/services/llm.ts:26 open',
    'warning prompt-injection server/routes/tickets.ts:64 open',
  ]);
});

test('demo app: the checklist, item by item, with its evidence', async () => {
  const { model } = await modelOf(path.join(ROOT, 'test-fixtures', 'demo-app'));
  assert.deepEqual(checklistLines(model), ['1 not-met', '2 partly-met', '3 not-met', '4 not-met', '5 not-met', '6 not-met']);
  assert.deepEqual(item(model, 1), [
    'gap: ticket.email (personal data: email) → a user message (user content): no redaction, no recorded decision @server/routes/tickets.ts:120',
    'gap: ticket.phone (personal data: phone) → a user message (user content): no redaction, no recorded decision @server/routes/tickets.ts:120',
    'gap: process.env.DATABASE_URL (secret from the environment) → the Vercel AI SDK instructions (system) (instructions): no redaction, no recorded decision @server/services/agent.ts:54',
  ]);
  assert.deepEqual(item(model, 2), [
    'gap: POST /api/public/ask: not authenticated, no rate limit @server/index.ts:37',
    'gap: POST /api/admin/ops-agent: authenticated, no rate limit @server/routes/admin.ts:9',
    'gap: POST /api/tickets/inbound-email: not authenticated, rate limited @server/routes/tickets.ts:54',
    'gap: tool "runShell": shell, no approval step and model-chosen arguments reach it unchecked @server/services/agent.ts:13',
    'gap: a provider API key is shipped to the browser, so anyone can call the model with it @web/src/lib/openaiBrowser.ts:8',
    'found: POST /api/help/ask: authenticated, rate limited @server/index.ts:30',
    'found: POST /api/chat: authenticated, rate limited @server/routes/chat.ts:11',
    'found: POST /api/tickets/search: authenticated, rate limited @server/routes/tickets.ts:76',
    'found: POST /api/tickets/:id/summary: authenticated, rate limited @server/routes/tickets.ts:103',
    'found: POST /api/tickets/:id/draft-reply: authenticated, rate limited @server/routes/tickets.ts:134',
    'found: tool "restartWorker": shell, no approval step but model-chosen arguments are confined @server/services/agent.ts:23',
    'found: tool "ticketStats": database, no approval step but model-chosen arguments are confined @server/services/agent.ts:36',
  ]);
  assert.equal(model.checklist[1]!.summary, '5 of 12 checks on LLM entry points, tools and keys failed.');
  assert.deepEqual(item(model, 3), [
    'gap: ticket.email (personal data: email) → a user message (user content): unredacted @server/routes/tickets.ts:120',
    'gap: ticket.phone (personal data: phone) → a user message (user content): unredacted @server/routes/tickets.ts:120',
    'gap: process.env.DATABASE_URL (secret from the environment) → the Vercel AI SDK instructions (system) (instructions): unredacted @server/services/agent.ts:54',
  ]);
  assert.deepEqual(item(model, 4), ['searched: promptfoo, garak and PyRIT configs, npm scripts and CI workflows, and 0 test files for prompt-injection and jailbreak cases']);
  assert.deepEqual(item(model, 5), [
    'searched: imports of OpenTelemetry, Langfuse, LangSmith, Traceloop, Helicone, Arize, Braintrust, Sentry AI and loggers; provider proxy hosts',
    'gap: calls a model with no tracing or observability SDK imported @server/routes/tickets.ts',
    'gap: calls a model with no tracing or observability SDK imported @server/services/agent.ts',
    'gap: calls a model with no tracing or observability SDK imported @server/services/kb.ts',
    'gap: calls a model with no tracing or observability SDK imported @server/services/llm.ts',
    'gap: calls a model with no tracing or observability SDK imported @web/src/lib/openaiBrowser.ts',
  ]);
  assert.deepEqual(item(model, 6), ['searched: SECURITY.md, INCIDENT*.md, docs/**/*incident*, runbooks and playbooks']);
});

test('a promptfoo red-team config meets step 4; an authenticated, rate-limited route meets step 2', async () => {
  const { model, result } = await modelOf(path.join(FIXTURES, 'promptfoo-redteam'));
  assert.deepEqual(entryLines(model), ['POST /api/faq @src/server.ts:12 auth limited → src/server.ts:13 (in-handler)']);
  assert.deepEqual(componentLines(model), ['OpenAI [sdk: openai] providers OpenAI; models gpt-4o-mini; calls chat.completions.create@src/server.ts:13 OpenAI gpt-4o-mini from src/server.ts:12']);
  assert.deepEqual(promptFlowLines(model), ['untrusted req.body (HTTP request body) @src/server.ts:18 → a user message @src/server.ts:18 [user] in src/server.ts:13 from src/server.ts:12']);
  assert.deepEqual([...outputFlowLines(model), ...toolLines(model), ...categoryLines(model)], []);
  assertCategoriesMatchFindings(model, result);
  assert.deepEqual(checklistLines(model), ['1 unknown', '2 met', '3 unknown', '4 met', '5 not-met', '6 not-met']);
  assert.deepEqual(item(model, 1), ['searched: 1 LLM call site and 1 flow into prompts analysed; no secret or personal data among them, and no redaction call seen']);
  assert.deepEqual(item(model, 2), ['found: POST /api/faq: authenticated, rate limited @src/server.ts:12']);
  assert.deepEqual(item(model, 3), ['searched: redaction calls and libraries in 1 module that call a model and the modules that feed their prompts']);
  assert.deepEqual(item(model, 4), ['found: promptfoo red-team config: redteam: @promptfooconfig.yaml:9']);
  assert.deepEqual(item(model, 5), [
    'searched: imports of OpenTelemetry, Langfuse, LangSmith, Traceloop, Helicone, Arize, Braintrust, Sentry AI and loggers; provider proxy hosts',
    'gap: calls a model with no tracing or observability SDK imported @src/server.ts',
  ]);
  assert.deepEqual(item(model, 6), ['searched: SECURITY.md, INCIDENT*.md, docs/**/*incident*, runbooks and playbooks']);
});

test('an incident-response doc about LLM incidents meets step 6; redaction meets steps 1 and 3; an eval config and a logger are partial', async () => {
  const { model, result } = await modelOf(path.join(FIXTURES, 'incident-response'));
  assert.deepEqual(entryLines(model), ['POST /api/summarize @app/api/summarize/route.ts:5 auth NO-LIMIT → lib/summarise.ts:17 (data-flow)']);
  assert.deepEqual(componentLines(model), [
    'Vercel AI SDK [sdk: ai] providers Anthropic; models anthropic:claude-haiku-4-5; calls generateText@lib/summarise.ts:17 Anthropic anthropic:claude-haiku-4-5 from app/api/summarize/route.ts:5',
  ]);
  assert.deepEqual(promptFlowLines(model), ['untrusted req.json() (HTTP request data) @app/api/summarize/route.ts:8 → the Vercel AI SDK prompt (prompt) @lib/summarise.ts:22 [user] in lib/summarise.ts:17 from app/api/summarize/route.ts:5']);
  assert.deepEqual(outputFlowLines(model), ['tool-arguments arguments of tool "diagnose" @lib/summarise.ts:28 → shell: a shell command (execSync) @lib/summarise.ts:28 validated tool lib/summarise.ts:24']);
  assert.deepEqual(toolLines(model), ['diagnose @lib/summarise.ts:24 [shell] dangerous [shell] approval confined given by lib/summarise.ts:17']);
  assert.deepEqual(categoryLines(model), ['LLM10:2025/LLM06:2026 Unbounded Consumption: 1 (1 open, 0 suppressed)']);
  assertCategoriesMatchFindings(model, result);
  assert.deepEqual(checklistLines(model), ['1 met', '2 partly-met', '3 met', '4 partly-met', '5 partly-met', '6 met']);
  assert.deepEqual(item(model, 1), ['found: redactEmail() in a module that calls the model @lib/summarise.ts:22']);
  assert.deepEqual(item(model, 2), ['gap: POST /api/summarize: authenticated, no rate limit @app/api/summarize/route.ts:5', 'found: tool "diagnose": shell, approval required @lib/summarise.ts:24']);
  assert.deepEqual(item(model, 3), ['found: redactEmail() in a module that calls the model @lib/summarise.ts:22']);
  assert.deepEqual(item(model, 4), ['gap: promptfoo config without red-team content @promptfooconfig.yaml:1']);
  assert.deepEqual(item(model, 5), [
    'found: logger pino in a module that calls the model (logs, not anomaly detection) @lib/summarise.ts:7',
    'gap: calls a model with no tracing or observability SDK imported @lib/summarise.ts',
  ]);
  assert.deepEqual(item(model, 6), ['found: mentions AI/LLM incidents: ## AI incidents @docs/incident-response.md:6', 'gap: does not mention AI, LLM, model or prompt incidents @SECURITY.md']);
});

test('an observability SDK in the module that calls the model meets step 5; a prompt-injection test case meets step 4', async () => {
  const { model, result } = await modelOf(path.join(FIXTURES, 'observability'));
  assert.deepEqual(entryLines(model), []);
  assert.deepEqual(componentLines(model), ['OpenAI [sdk: openai] providers OpenAI; models gpt-4.1-mini; calls chat.completions.create@src/drafts.ts:16 OpenAI gpt-4.1-mini']);
  assert.deepEqual(promptFlowLines(model), ['pii customer.email (personal data declared in its type) @src/drafts.ts:13 → a user message @src/drafts.ts:22 [user] in src/drafts.ts:16 threats 1']);
  assert.deepEqual(categoryLines(model), ['LLM02:2025/LLM02:2026 Sensitive Information Disclosure: 1 (1 open, 0 suppressed)', 'LLM07:2025/LLM08:2026 System Prompt Leakage: 1 (1 open, 0 suppressed)']);
  assertCategoriesMatchFindings(model, result);
  // Without the suppression comments applied (the CLI test applies them), the PII flow is unhandled.
  assert.deepEqual(checklistLines(model), ['1 not-met', '2 unknown', '3 not-met', '4 met', '5 met', '6 partly-met']);
  assert.deepEqual(item(model, 2), ['searched: entry points (Express, Fastify, Koa, Hono, Next.js, http.createServer) and model-callable tools']);
  assert.deepEqual(item(model, 4), ["found: adversarial test case: describe('draftReply under prompt injection', () => { @tests/drafts.test.ts:6"]);
  assert.deepEqual(item(model, 5), ['found: Langfuse (langfuse) imported in a module that calls the model @src/drafts.ts:3']);
  assert.deepEqual(item(model, 6), ['gap: does not mention AI, LLM, model or prompt incidents @SECURITY.md']);

  // With the finding suppressed (as the CLI and the language server pass it), step 1 is met by the recorded decision.
  const suppressed = result.findings.map((f) => ({ ...f, suppressed: { justification: 'the customer’s own address' } }));
  const annotated = buildThreatModel(result, result.root, { findings: suppressed });
  assert.deepEqual(checklistLines(annotated), ['1 met', '2 unknown', '3 not-met', '4 met', '5 met', '6 partly-met']);
  assert.deepEqual(item(annotated, 1), ['found: customer.email (personal data declared in its type) → a user message (user content, src/drafts.ts:22): accepted — the customer’s own address @src/drafts.ts:13']);
  assert.deepEqual(item(annotated, 3), ['gap: customer.email (personal data declared in its type) → a user message (user content, src/drafts.ts:22): unredacted (accepted — the customer’s own address) @src/drafts.ts:13']);
  assert.deepEqual(categoryLines(annotated), ['LLM02:2025/LLM02:2026 Sensitive Information Disclosure: 1 (0 open, 1 suppressed)', 'LLM07:2025/LLM08:2026 System Prompt Leakage: 1 (0 open, 1 suppressed)']);
});

test('a bare LLM call: secrets in the instructions, nothing around it', async () => {
  const { model, result } = await modelOf(path.join(FIXTURES, 'bare-llm'));
  assert.deepEqual(componentLines(model), ['Anthropic [sdk: @anthropic-ai/sdk] providers Anthropic; models claude-sonnet-4-5; calls messages.create@src/report.ts:7 Anthropic claude-sonnet-4-5']);
  assert.deepEqual(promptFlowLines(model), [
    'secret process.env.WAREHOUSE_PASSWORD (secret from the environment) @src/report.ts:10 → the Anthropic instructions (system) @src/report.ts:10 [instructions] in src/report.ts:7 threats 1',
  ]);
  assert.deepEqual([...entryLines(model), ...outputFlowLines(model), ...toolLines(model)], []);
  assertCategoriesMatchFindings(model, result);
  assert.deepEqual(checklistLines(model), ['1 not-met', '2 unknown', '3 not-met', '4 not-met', '5 not-met', '6 not-met']);
  assert.deepEqual(item(model, 1), [
    'gap: process.env.WAREHOUSE_PASSWORD (secret from the environment) → the Anthropic instructions (system) (instructions): no redaction, no recorded decision @src/report.ts:10',
  ]);
  assert.deepEqual(item(model, 4), ['searched: promptfoo, garak and PyRIT configs, npm scripts and CI workflows, and 0 test files for prompt-injection and jailbreak cases']);
  assert.deepEqual(item(model, 5), [
    'searched: imports of OpenTelemetry, Langfuse, LangSmith, Traceloop, Helicone, Arize, Braintrust, Sentry AI and loggers; provider proxy hosts',
    'gap: calls a model with no tracing or observability SDK imported @src/report.ts',
  ]);
});

test('no LLM call: the steps about model calls are unknown, never met', async () => {
  const { model } = await modelOf(path.join(FIXTURES, 'no-llm'));
  assert.deepEqual([...componentLines(model), ...entryLines(model), ...categoryLines(model)], []);
  assert.deepEqual(checklistLines(model), ['1 unknown', '2 unknown', '3 unknown', '4 not-met', '5 unknown', '6 not-met']);
  assert.deepEqual(item(model, 1), ['searched: 1 file analysed; no call to a model SDK or provider API recognised']);
});

test('tools with no dangerous capability recognised are no evidence of least privilege', async () => {
  const { result } = await modelOf(path.join(FIXTURES, 'incident-response'));
  const inventory = result.inventory!;
  const stripped = { ...result, inventory: { ...inventory, entryPoints: [], tools: inventory.tools.map((t) => ({ ...t, capabilities: [] })) } };
  const model = buildThreatModel(stripped, result.root);
  assert.equal(model.checklist[1]!.status, 'unknown');
  assert.deepEqual(item(model, 2), [
    'searched: entry points (Express, Fastify, Koa, Hono, Next.js, http.createServer) and model-callable tools',
    'searched: tool "diagnose": no side effects recognised, no dangerous capability recognised @lib/summarise.ts:24',
  ]);
});

test('a search stopped by its bounds says unknown, not "not met", for what it did not find', async () => {
  const { result } = await modelOf(path.join(FIXTURES, 'promptfoo-redteam'));
  const model = buildThreatModel(result, result.root, { limits: { maxEntries: 1 } });
  assert.equal(model.workspace.evidenceSearch.truncated, true);
  assert.deepEqual(checklistLines(model), ['1 unknown', '2 met', '3 unknown', '4 unknown', '5 unknown', '6 unknown']);
});

test('the model is plain data: JSON round-trips it unchanged, and paths are relative', async () => {
  const { model } = await modelOf(path.join(ROOT, 'test-fixtures', 'demo-app'));
  assert.deepEqual(JSON.parse(JSON.stringify(model)), model);
  assert.equal(model.schemaVersion, 1);
  assert.ok(!JSON.stringify(model).includes(ROOT), 'no absolute path in the model');
});

test('providers: the SDK vendor, a model id prefix, or "OpenAI-compatible server" for other models on the OpenAI SDK', () => {
  const p = (module: string, sdk: string, modelIds: string[], kind: 'prompt' | 'raw-http' = 'prompt') => providerOf({ module, sdk, modelIds, kind });
  assert.equal(p('openai', 'OpenAI', ['gpt-4o-mini']), 'OpenAI');
  assert.equal(p('openai', 'OpenAI', ['llama3.1:8b']), 'OpenAI-compatible server');
  assert.equal(p('openai', 'OpenAI', []), 'OpenAI');
  assert.equal(p('ai', 'Vercel AI SDK', ['anthropic:claude-haiku-4-5']), 'Anthropic');
  assert.equal(p('ai', 'Vercel AI SDK', ['anthropic:claude-haiku-4-5', 'openai:gpt-4.1']), 'Anthropic, OpenAI');
  assert.equal(p('@aws-sdk/client-bedrock-runtime', 'Amazon Bedrock', ['anthropic.claude-3-5-haiku-20241022-v1:0']), 'Amazon Bedrock');
  assert.equal(p('langchain', 'LangChain', ['mistral-large-latest']), 'Mistral');
  assert.equal(p('langchain', 'LangChain', []), 'unknown');
  assert.equal(p('fetch', 'Google Gen AI', [], 'raw-http'), 'Google Gen AI');
});

test('import reading: named, default, namespace, require and side-effect imports, with lines', () => {
  const text = [
    "import pino from 'pino';",
    "import { Logger, Injectable as I } from '@nestjs/common';",
    "import * as otel from '@opentelemetry/api';",
    "const { logger } = require('./lib/log');",
    "import '@traceloop/node-server-sdk';",
    "export { x } from './x';",
  ].join('\n');
  assert.deepEqual(
    importsOf(text).map((i) => `${i.line} ${i.spec} [${i.names.join(',')}]`),
    ['1 pino [pino]', '2 @nestjs/common [Logger,Injectable,I]', '3 @opentelemetry/api [otel]', '4 ./lib/log [logger]', '5 @traceloop/node-server-sdk []', '6 ./x []'],
  );
});
