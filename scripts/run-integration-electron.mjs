// Runs the integration tests in desktop VS Code downloaded by @vscode/test-electron. Needs internet
// access to Microsoft's update server (and a display, e.g. `xvfb-run`, on Linux), so it is for
// developer machines; offline and in CI use `npm run test:integration` (code-server) instead.
// Usage (after `npm run build` and `npm run compile-tests`): node scripts/run-integration-electron.mjs
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { VSCODE_VERSION, fail, repoRoot, runMain } from './harness.mjs';

await runMain(async () => {
  await runTests({
    version: VSCODE_VERSION,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: join(repoRoot, 'out', 'test', 'integration', 'index.js'),
    // Only this extension, on the fixture workspace, without the trust prompt.
    launchArgs: [join(repoRoot, 'test', 'fixtures', 'workspace'), '--disable-extensions', '--disable-workspace-trust'],
  }).catch((error) => fail(`integration tests in VS Code ${VSCODE_VERSION} failed: ${error.message}`));
});
