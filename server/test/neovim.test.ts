// A second, independent LSP client: Neovim (Debian's 0.7 package), headless, runs `promptward lsp --stdio` on a
// copy of the demo app, reads the diagnostics and applies the preferred quick fix. Skipped, with the reason,
// where nvim is not installed (.ci/run installs it).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';
import { REPO_ROOT, copyDemoApp, expectedLines, expectedRules } from './helpers/projects';

const CLI = path.join(REPO_ROOT, 'dist', 'promptward.js');

const SCRIPT = String.raw`
local root, cli, file = os.getenv('PW_ROOT'), os.getenv('PW_CLI'), os.getenv('PW_FILE')
local function out(s) io.stdout:write(s .. '\n') end
local function fail(msg) out('FAIL ' .. msg); io.stdout:flush(); vim.cmd('cquit 1') end
local function code_of(d) local l = d.user_data and d.user_data.lsp or {}; return l.code or d.code end
local function codes(bufnr)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do table.insert(list, code_of(d)) end
  table.sort(list)
  return list
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({ name = 'promptward', cmd = { 'node', cli, 'lsp', '--stdio' }, root_dir = root })
if not client_id then fail('the client did not start') end
vim.lsp.buf_attach_client(bufnr, client_id)

if not vim.wait(30000, function() return #vim.diagnostic.get(bufnr) >= 2 end, 50) then fail('no diagnostics') end
local list = {}
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  local l = d.user_data and d.user_data.lsp or {}
  table.insert(list, { code = code_of(d), source = d.source, lnum = d.lnum, severity = d.severity,
    href = l.codeDescription and l.codeDescription.href or vim.NIL,
    related = l.relatedInformation and #l.relatedInformation or 0 })
end
out('DIAGNOSTICS ' .. vim.fn.json_encode(list))

local target
for _, d in ipairs(vim.diagnostic.get(bufnr)) do if code_of(d) == 'missing-max-tokens' then target = d end end
if not target then fail('no missing-max-tokens diagnostic') end
local lsp_diag = target.user_data.lsp
local params = { textDocument = vim.lsp.util.make_text_document_params(bufnr),
  range = lsp_diag.range or { start = { line = target.lnum, character = target.col }, ['end'] = { line = target.end_lnum, character = target.end_col } },
  context = { diagnostics = { lsp_diag } } }
local results = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 10000)
local chosen, titles = nil, {}
for _, res in pairs(results or {}) do
  for _, action in ipairs(res.result or {}) do
    table.insert(titles, action.title)
    if action.isPreferred and not chosen then chosen = action end
  end
end
out('ACTIONS ' .. vim.fn.json_encode(titles))
if not chosen then fail('no preferred code action') end
vim.lsp.util.apply_workspace_edit(chosen.edit, 'utf-16')
out('APPLIED ' .. chosen.title)

local fixed = vim.wait(30000, function()
  local c = codes(bufnr)
  return #c > 0 and not vim.tbl_contains(c, 'missing-max-tokens')
end, 50)
if not fixed then fail('the finding is still there: ' .. vim.fn.json_encode(codes(bufnr))) end
out('AFTER ' .. vim.fn.json_encode(codes(bufnr)))
vim.cmd('write')
vim.lsp.stop_client(client_id)
vim.wait(5000, function() return vim.lsp.client_is_stopped(client_id) end, 50)
vim.cmd('qa!')
`;

function nvimVersion(): string | undefined {
  const run = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  return run.status === 0 ? run.stdout.split('\n')[0] : undefined;
}

it('Neovim reads the diagnostics of `promptward lsp --stdio` and applies a quick fix', (t) => {
  const version = nvimVersion();
  if (!version) {
    const reason = 'nvim is not installed (apt-get install -y neovim); the Neovim client test is skipped';
    console.log(`# ${reason}`);
    t.skip(reason);
    return;
  }
  const root = copyDemoApp('nvim');
  const home = path.join(path.dirname(root), 'home');
  mkdirSync(home, { recursive: true });
  try {
    const script = path.join(home, 'test.lua');
    writeFileSync(script, SCRIPT);
    const file = path.join(root, 'server/services/llm.ts');
    const run = spawnSync('nvim', ['--headless', '--clean', '-c', `luafile ${script}`], {
      encoding: 'utf8',
      timeout: 90_000,
      env: { ...process.env, PW_ROOT: root, PW_CLI: CLI, PW_FILE: file, HOME: home, XDG_CONFIG_HOME: home, XDG_DATA_HOME: home, XDG_STATE_HOME: home, XDG_CACHE_HOME: home },
    });
    const output = `${run.stdout}\n${run.stderr}`;
    assert.equal(run.status, 0, `${version} exited ${run.status} (${run.error?.message ?? ''}):\n${output}`);
    const line = (tag: string) => {
      const l = run.stdout.split('\n').find((x) => x.startsWith(`${tag} `));
      assert.ok(l, `${tag} in:\n${output}`);
      return l.slice(tag.length + 1);
    };
    const diagnostics = JSON.parse(line('DIAGNOSTICS')) as { code: string; source: string; lnum: number; href: string; related: number }[];
    assert.deepEqual(diagnostics.map((d) => d.code).sort(), expectedRules('server/services/llm.ts'));
    assert.ok(diagnostics.every((d) => d.source === 'promptward'));
    const pi = diagnostics.find((d) => d.code === 'prompt-injection')!;
    assert.equal(pi.lnum, expectedLines('server/services/llm.ts', 'prompt-injection')[0] - 1);
    assert.ok(pi.related >= 3, 'the data-flow path arrives as related information');
    assert.match(pi.href, /rules\/docs\/prompt-injection\.md$/);
    assert.ok((JSON.parse(line('ACTIONS')) as string[]).includes('Show documentation for missing-max-tokens'));
    assert.equal(line('APPLIED'), 'Add max_completion_tokens: 1024');
    assert.deepEqual(JSON.parse(line('AFTER')), expectedRules('server/services/llm.ts').filter((r) => r !== 'missing-max-tokens'));
    assert.match(readFileSync(file, 'utf8'), /temperature: 0\.3,\n {4}messages: \[[\s\S]*\],\n {4}max_completion_tokens: 1024,?\n {2}\}\);/);
  } finally {
    rmSync(path.dirname(root), { recursive: true, force: true });
  }
});
