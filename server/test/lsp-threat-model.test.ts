// The `promptward/threatModel` request and the `promptward/threatModelChanged` notification of the real language
// server, spoken to over stdio: the model equals what `promptward threat-model` writes for the same folder,
// follows the editor's unsaved text, is announced when it changes, renders on request, and bad parameters end in
// a clear error with the server still serving.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import Ajv from 'ajv';
import { LspClient } from './helpers/lsp-client';
import { promptward } from './helpers/cli';
import { REPO_ROOT, copyDemoApp } from './helpers/projects';
import type { ThreatModel } from '../src/core/threat-model';

const SERVER = path.join(REPO_ROOT, 'dist', 'server.js');

interface ThreatModelResult {
  folder: string;
  model: ThreatModel;
  text?: string;
}

/** The model without what legitimately differs between a CLI run and an editor session (file counts). */
function comparable(model: ThreatModel): Omit<ThreatModel, 'workspace'> {
  const { workspace: _workspace, ...rest } = model;
  return rest;
}

describe('language server: promptward/threatModel', () => {
  let root = '';
  let client: LspClient;

  before(async () => {
    assert.ok(existsSync(SERVER), `${SERVER} is missing: run npm run build first`);
    root = copyDemoApp('lsp-threat-model');
    client = new LspClient(process.execPath, [SERVER, '--stdio']);
    await client.initialize(root, { workspace: { workspaceFolders: true }, window: { workDoneProgress: false } });
  });

  after(async () => {
    await client?.stop();
    if (root) rmSync(path.dirname(root), { recursive: true, force: true });
  });

  const changes = () => client.notifications.filter((n) => n.method === 'promptward/threatModelChanged');

  it('returns the same model as `promptward threat-model` for the folder, valid against the published schema', async () => {
    const result = await client.request<ThreatModelResult>('promptward/threatModel', { folder: pathToFileURL(root).href });
    assert.equal(result.folder, pathToFileURL(root).href);
    assert.equal(result.text, undefined, 'no report unless a format is asked for');
    const cli = promptward(['threat-model', root, '--format', 'json']);
    assert.equal(cli.status, 0, cli.stderr);
    const expected = JSON.parse(cli.stdout) as ThreatModel;
    assert.deepEqual(comparable(result.model), comparable(expected));
    assert.equal(result.model.summary.threats.total, 18);
    assert.equal(result.model.workspace.filesScanned, expected.workspace.filesScanned);

    const ajv = new Ajv({ strict: true, allErrors: true });
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(REPO_ROOT, 'rules', 'schema', 'threat-model.schema.json'), 'utf8')));
    assert.ok(validate(result.model), JSON.stringify(validate.errors, null, 2));
  });

  it('follows unsaved edits and announces the change once', async () => {
    const before = changes().length;
    const rel = 'server/services/llm.ts';
    const file = path.join(root, rel);
    const text = readFileSync(file, 'utf8');
    const first = await client.request<ThreatModelResult>('promptward/threatModel', {});
    const capped = first.model.threats.flatMap((c) => c.threats).filter((t) => t.ruleId === 'missing-max-tokens' && t.location.file === rel);
    assert.ok(capped.length > 0, 'the demo app has an uncapped call in llm.ts');
    const line = text.split('\n')[capped[0]!.location.line - 1]!;
    const indent = /^\s*/.exec(line)![0];
    // A suppression with a reason above the call: the threat stays in the model, marked as suppressed.
    const lines = text.split('\n');
    lines.splice(capped[0]!.location.line - 1, 0, `${indent}// promptward-ignore-next-line missing-max-tokens -- the proxy caps tokens`);
    const uri = client.open(file, lines.join('\n'), 1);
    await client.waitFor(() => changes().length > before, 'promptward/threatModelChanged after the edit');
    const notice = changes().at(-1)!.params as { folder: string };
    assert.equal(notice.folder, pathToFileURL(root).href);

    const second = await client.request<ThreatModelResult>('promptward/threatModel', {});
    const threat = second.model.threats.flatMap((c) => c.threats).find((t) => t.ruleId === 'missing-max-tokens' && t.location.file === rel && t.location.line === capped[0]!.location.line + 1);
    assert.ok(threat, 'the threat moved down one line with the comment');
    assert.deepEqual(threat.mitigation, { status: 'suppressed', justification: 'the proxy caps tokens' });
    assert.equal(second.model.summary.threats.total, first.model.summary.threats.total);
    assert.equal(readFileSync(file, 'utf8'), text, 'the disk is untouched');

    // Closing the document: the disk's text applies again, and the change is announced again.
    const count = changes().length;
    client.close(uri);
    await client.waitFor(() => changes().length > count, 'promptward/threatModelChanged after closing');
    const third = await client.request<ThreatModelResult>('promptward/threatModel', {});
    assert.deepEqual(comparable(third.model), comparable(first.model));
  });

  it('renders the report in the format asked for', async () => {
    const md = await client.request<ThreatModelResult>('promptward/threatModel', { format: 'markdown' });
    assert.match(md.text!, /^# Threat model: demo-app\n/);
    assert.match(md.text!, /^```mermaid\nflowchart LR$/m);
    const html = await client.request<ThreatModelResult>('promptward/threatModel', { format: 'html' });
    assert.match(html.text!, /^<!doctype html>/);
    assert.match(html.text!, /<svg[\s>]/);
    const json = await client.request<ThreatModelResult>('promptward/threatModel', { format: 'json' });
    assert.deepEqual(JSON.parse(json.text!), json.model);
  });

  it('answers bad parameters with InvalidParams, and keeps serving', async () => {
    await assert.rejects(client.request('promptward/threatModel', { folder: pathToFileURL(path.join(root, 'nope')).href }), (e: Error & { code?: number }) => {
      assert.equal(e.code, -32602);
      assert.match(e.message, /is not a workspace folder of this server/);
      return true;
    });
    await assert.rejects(client.request('promptward/threatModel', { format: 'pdf' }), /unknown format 'pdf' \(expected json, markdown or html\)/);
    const ok = await client.request<ThreatModelResult>('promptward/threatModel', {});
    assert.equal(ok.model.schemaVersion, 1);
  });
});
