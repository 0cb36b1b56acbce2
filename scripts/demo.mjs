// One command from a fresh clone to the extension running in VS Code in the browser:
// installs npm dependencies if needed, builds, installs the offline VS Code, starts code-server
// with the extension on the sample corpus (samples/), prints the URL and runs until Ctrl+C.
// Usage: npm run demo
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createSandbox, linkExtension, repoRoot, run, runMain, say, startCodeServer, workbenchUrl } from './harness.mjs';
import { ensureCodeServer } from './setup-vscode.mjs';

const samples = join(repoRoot, 'samples');

await runMain(async (defer) => {
  if (!existsSync(join(repoRoot, 'node_modules', '.package-lock.json'))) {
    say('installing npm dependencies…');
    await run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: repoRoot });
  }
  say('building the extension…');
  await run('npm', ['run', 'build'], { cwd: repoRoot });
  await ensureCodeServer();

  const sandbox = await createSandbox(defer);
  await linkExtension(sandbox.extensionsDir);
  const server = await startCodeServer({ sandbox, smokeTestDriver: false, defer });
  say(`VS Code with News Corpus Browser on the sample corpus: ${workbenchUrl(server.baseUrl, samples)}`);
  say('press Ctrl+C to stop.');
  const code = await server.exitedOnItsOwn;
  say(`code-server stopped by itself (${code}).`);
  return 1;
});
