// Runs the end-to-end UI tests (test/e2e/*.spec.mjs, mocha + playwright-core) against a code-server
// WITHOUT the smoke-test driver (that mode hides notification toasts), with the VSIX that `npm run package`
// made installed into a fresh extensions dir and a copy of the fixture workspace open.
// The specs find the workbench URL in NEWS_CORPUS_E2E_URL and the workspace folder in
// NEWS_CORPUS_E2E_WORKSPACE. Screenshots go to test-results/e2e/.
// Usage (after `npm run package`): node scripts/run-e2e.mjs [spec file name…] (all of test/e2e when none is named)
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import {
  copyFixtureWorkspace,
  createSandbox,
  fail,
  installVsix,
  repoRoot,
  requireChromium,
  runMain,
  say,
  startCodeServer,
  withDeadline,
  workbenchUrl,
} from './harness.mjs';
import { ensureCodeServer } from './setup-vscode.mjs';

/**
 * Covers all specs once code-server is up; setup is not included. A guard against a hung workbench, not a speed
 * check: the 33 specs took 4m13s on an idle 2-core machine (4 December 2026) and over 5 minutes with one core busy.
 */
const TIMEOUT_MS = 10 * 60_000;
/** One UI step can wait for the extension host to start and index the workspace. */
const TEST_TIMEOUT_MS = 90_000;

const specsDir = join(repoRoot, 'test', 'e2e');

await runMain(async (defer) => {
  const chosen = process.argv.slice(2);
  const specs = readdirSync(specsDir)
    .filter((file) => file.endsWith('.spec.mjs') && (chosen.length === 0 || chosen.includes(file)))
    .sort();
  if (specs.length === 0) fail(`no ${chosen.length === 0 ? '*.spec.mjs file' : chosen.join(', ')} in ${specsDir}.`);
  requireChromium();
  await ensureCodeServer();

  const started = Date.now();
  const sandbox = await createSandbox(defer);
  const workspace = await copyFixtureWorkspace(sandbox);
  await installVsix(sandbox);
  const server = await startCodeServer({ sandbox, smokeTestDriver: false, defer });
  process.env.NEWS_CORPUS_E2E_URL = workbenchUrl(server.baseUrl, workspace);
  process.env.NEWS_CORPUS_E2E_WORKSPACE = workspace;

  const mocha = new Mocha({ reporter: 'spec', timeout: TEST_TIMEOUT_MS });
  for (const spec of specs) mocha.addFile(join(specsDir, spec));
  await mocha.loadFilesAsync();
  say(`running ${specs.length} e2e spec file(s) in VS Code (code-server) on ${workspace}…`);
  const { passes, failures } = await withDeadline(
    new Promise((resolve) => {
      const runner = mocha.run(() => resolve(runner.stats));
    }),
    TIMEOUT_MS,
    `e2e tests did not finish within ${TIMEOUT_MS / 1000} s; see the log above.`,
  );
  server.silence();
  say(`e2e tests took ${Math.round((Date.now() - started) / 1000)} s; screenshots are in test-results/e2e/.`);
  // The closing line CI reads to count the tests.
  console.log(`e2e: ${passes} passed, ${failures} failed`);
  return failures === 0 && passes > 0 ? 0 : 1;
});
