// `npm run test:vscode-desktop`: the same extension-host suite (client/test/suite) in desktop VS Code through
// @vscode/test-electron, for machines that can download VS Code (it cannot here: the download fails offline, so
// this runner is not part of `npm test`; there the suite runs in code-server, see vscode-extension-host.test.ts).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../../..');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'promptward-desktop-'));
  const workspace = path.join(dir, 'demo-app');
  cpSync(path.join(root, 'test-fixtures', 'demo-app'), workspace, { recursive: true });
  try {
    await runTests({
      version: '1.100.3',
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'out', 'client', 'test', 'suite', 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
