// Runs the integration tests (out/test/integration) inside the real VS Code extension host, offline:
// code-server with the smoke-test driver, opened by headless Chromium with a launch payload
// (extensionDevelopmentPath + extensionTestsPath) on a copy of the fixture workspace with the sample corpus in it.
// Usage (after `npm run build` and `npm run compile-tests`): node scripts/run-integration.mjs
import { existsSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { format } from 'node:util';
import {
  createSandbox,
  fail,
  launchChromium,
  remoteUri,
  repoRoot,
  requireChromium,
  runMain,
  say,
  startCodeServer,
  withDeadline,
  workbenchUrl,
} from './harness.mjs';
import { ensureCodeServer } from './setup-vscode.mjs';

/** Covers the workbench start, the extension host start and the tests themselves; setup is not included. */
const TIMEOUT_MS = 5 * 60_000;

const fixtureWorkspace = join(repoRoot, 'test', 'fixtures', 'workspace');
const sampleCorpus = join(repoRoot, 'samples', 'wikinews');
const testsEntry = join(repoRoot, 'out', 'test', 'integration', 'index.js');

await runMain(async (defer) => {
  for (const [path, hint] of [
    [join(repoRoot, 'dist', 'extension.js'), 'run `npm run build`'],
    [testsEntry, 'run `npm run compile-tests`'],
    [fixtureWorkspace, 'the fixture workspace belongs in the repository'],
    [sampleCorpus, 'the sample corpus belongs in the repository'],
  ]) {
    if (!existsSync(path)) fail(`${path} is missing: ${hint}.`);
  }
  requireChromium();
  await ensureCodeServer();

  const started = Date.now();
  const sandbox = await createSandbox(defer);
  // The tests create, edit and delete files: they work on a copy, so the repository stays as it is.
  const workspace = join(sandbox.root, 'workspace');
  await cp(fixtureWorkspace, workspace, { recursive: true });
  // The demo corpus beside the fixtures: real-length articles, and entities named in more than 50 of them.
  await cp(sampleCorpus, join(workspace, 'wikinews'), { recursive: true });
  const server = await startCodeServer({ sandbox, smokeTestDriver: true, defer });
  const browser = await launchChromium();
  defer(() => browser.close());
  const page = await browser.newPage();

  // The workbench reports the extension host's console and the tests' end through these two globals.
  let reportExit;
  const testsExited = new Promise((resolve) => (reportExit = resolve));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = format(...(Array.isArray(args) ? args : [args]));
    (type === 'error' ? console.error : console.log)(line);
  });
  await page.exposeFunction('codeAutomationExit', (code) => reportExit(Number(code)));

  const payload = [
    ['extensionDevelopmentPath', remoteUri(server.port, repoRoot)],
    ['extensionTestsPath', remoteUri(server.port, testsEntry)],
  ];
  say(`running integration tests in VS Code (code-server) on ${workspace}…`);
  await page.goto(workbenchUrl(server.baseUrl, workspace, payload));

  const outcome = await withDeadline(
    Promise.race([testsExited.then((exitCode) => ({ exitCode })), server.exitedOnItsOwn.then((serverExit) => ({ serverExit }))]),
    TIMEOUT_MS,
    `integration tests did not finish within ${TIMEOUT_MS / 1000} s; see the log above.`,
  );
  server.silence();
  if ('serverExit' in outcome) fail(`code-server stopped during the tests (${outcome.serverExit}); see its log above.`);
  const { exitCode } = outcome;
  say(`integration tests ${exitCode === 0 ? 'passed' : `failed (exit code ${exitCode})`} in ${Math.round((Date.now() - started) / 1000)} s.`);
  return exitCode;
});
