// The extension-host suite (client/test/suite) in a real VS Code: code-server 4.100.3 (VS Code 1.100.3) in Debian
// chromium, with the extension loaded from this repository and a copy of the demo app as the workspace. Run twice:
// in a trusted workspace, and with workspace trust on and the folder untrusted (Promptward declares support for
// untrusted workspaces: it never runs workspace code). Skips with the reason when code-server or chromium is
// missing (`.ci/install-code-server.sh` installs both; CI runs it).
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { missingPrerequisites, runExtensionHostTests } from './harness/code-server';

const ROOT = path.resolve(__dirname, '../../..');
const SUITE = path.join(ROOT, 'out', 'client', 'test', 'suite', 'index.js');
const ARTIFACTS = path.join(ROOT, 'out', 'test-artifacts');
const temps: string[] = [];

after(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

function demoCopy(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'promptward-vscode-'));
  temps.push(dir);
  const root = path.join(dir, 'demo-app');
  cpSync(path.join(ROOT, 'test-fixtures', 'demo-app'), root, { recursive: true });
  return root;
}

const missing = missingPrerequisites();

for (const trusted of [true, false]) {
  test(`extension-host tests in code-server (${trusted ? 'trusted' : 'untrusted'} workspace)`, { skip: missing.length ? missing.join('; ') : false, timeout: 240_000 }, async (t) => {
    assert.ok(existsSync(path.join(ROOT, 'dist', 'extension.js')), 'dist/extension.js is missing: run npm run build');
    assert.ok(existsSync(SUITE), `${SUITE} is missing: run npm run compile-tests`);
    const result = await runExtensionHostTests({
      folder: demoCopy(),
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: SUITE,
      timeoutMs: 200_000,
      name: `extension-host-${trusted ? 'trusted' : 'untrusted'}`,
      artifactsDir: ARTIFACTS,
      settings: {
        'promptward.trace.server': 'verbose',
        ...(trusted ? {} : { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.untrustedFiles': 'open' }),
      },
    });
    for (const line of result.log.filter((l) => /(^|\] )(ok|not ok|#) /.test(l))) t.diagnostic(line.replace(/^\[\w+\] /, ''));
    t.diagnostic(`run took ${(result.durationMs / 1000).toFixed(1)} s`);
    const failure = [
      result.error ?? `the suite exited with ${result.exitCode}`,
      result.screenshot ? `screenshot: ${result.screenshot}` : '',
      result.logsDir ? `logs (LSP trace in the output-channel logs): ${result.logsDir}` : '',
      ...result.log.slice(-60),
    ].filter(Boolean).join('\n');
    assert.equal(result.exitCode, 0, failure);
  });
}
