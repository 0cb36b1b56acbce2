// Runs the integration tests (out/test/integration) inside the real VS Code extension host, offline: code-server
// with the smoke-test driver, opened by headless Chromium with a launch payload, with the VSIX that
// `npm run package` made installed as a user would install it. Four suites, each in its own code-server: a copy
// of the fixture folder with the sample corpus in it; a virtual workspace (newscorpus-test:/corpus); the fixture folder in Restricted Mode
// (trust on, the folder not trusted); a multi-root workspace of two folders, each with settings of its own.
// The extension "under development" of the payload is the test extension of test/fixtures/virtual-fs-extension,
// not News Corpus: VS Code enables an extension under development whatever it declares, so News Corpus must be
// an ordinary installed extension for Restricted Mode to judge it. The test extension also serves
// newscorpus-test:/corpus from memory.
// Usage (after `npm run package` and `npm run compile-tests`): node scripts/run-integration.mjs [suite…]
// where a suite is folder, virtual-workspace, restricted-mode or multi-root (all four when none is named). With
// NEWS_CORPUS_INTEGRATION_GREP=pattern in the environment, only the tests whose full titles match it run.
import { existsSync } from 'node:fs';
import { cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { format } from 'node:util';
import {
  copyFixtureWorkspace,
  createSandbox,
  fail,
  installVsix,
  launchChromium,
  remoteUri,
  repoRoot,
  requireChromium,
  runMain,
  say,
  startCodeServer,
  withDeadline,
  withOwnCleanup,
  workbenchUrl,
} from './harness.mjs';
import { integrationVerdict } from './integration-verdict.mjs';
import { ensureCodeServer } from './setup-vscode.mjs';

/** Covers one suite's workbench start, extension host start and tests; setup is not included. */
const TIMEOUT_MS = 5 * 60_000;

const testsEntry = join(repoRoot, 'out', 'test', 'integration', 'index.js');
const sampleCorpus = join(repoRoot, 'samples', 'wikinews');
const testExtension = {
  manifest: join(repoRoot, 'test', 'fixtures', 'virtual-fs-extension', 'package.json'),
  main: join(repoRoot, 'out', 'test', 'fixtures', 'virtual-fs-extension', 'extension.js'),
};

/**
 * `subfolder`: where its tests are, below out/test/integration (test/integration/index.ts runs the top level
 * without one). `workspace(sandbox)` returns the folder or URI to open.
 */
const SUITES = [
  { id: 'folder', name: 'folder', workspace: fixturesWithSampleCorpus },
  {
    id: 'virtual-workspace',
    name: 'virtual workspace',
    subfolder: 'virtual-workspace',
    workspace: async () => 'newscorpus-test:/corpus',
  },
  {
    id: 'restricted-mode',
    name: 'Restricted Mode',
    subfolder: 'restricted-mode',
    workspaceTrust: true,
    // No trust prompt: the folder simply stays untrusted, as when a user picks "Don't Trust".
    settings: { 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.emptyWindow': false },
    workspace: copyFixtureWorkspace,
  },
  { id: 'multi-root', name: 'multi-root workspace', subfolder: 'multi-root', workspace: multiRootWorkspace },
];

/**
 * A multi-root workspace of two folders, `wire` and `archive`, an article in each: `archive`'s own settings exclude
 * with `[`, a glob pattern that does not pair its brackets (see test/integration/multi-root).
 */
async function multiRootWorkspace(sandbox) {
  const root = join(sandbox.root, 'multi-root');
  const articles = {
    wire: ' date 2022-05-09 Olaf Scholz met Emmanuel Macron in Paris.',
    archive: ' date 2021-03-02 Angela Merkel spoke in Berlin. Scholz listened.',
  };
  for (const [name, text] of Object.entries(articles)) {
    await mkdir(join(root, name, '.vscode'), { recursive: true });
    await writeFile(join(root, name, `${name}.txt`), text);
  }
  await writeFile(join(root, 'archive', '.vscode', 'settings.json'), JSON.stringify({ 'newsCorpus.exclude': '[' }));
  const file = join(root, 'corpus.code-workspace');
  await writeFile(file, JSON.stringify({ folders: Object.keys(articles).map((path) => ({ path })) }));
  return file;
}

/** The fixture folder with the demo corpus beside it: real-length articles, and entities named in more than 50 of them. */
async function fixturesWithSampleCorpus(sandbox) {
  const workspace = await copyFixtureWorkspace(sandbox);
  await cp(sampleCorpus, join(workspace, 'wikinews'), { recursive: true });
  return workspace;
}

/** The test extension as an extension folder in the sandbox: its manifest beside its compiled code. */
async function assembleTestExtension(sandbox) {
  const folder = join(sandbox.root, 'test-extension');
  await mkdir(folder);
  await cp(testExtension.manifest, join(folder, 'package.json'));
  await cp(testExtension.main, join(folder, 'extension.js'));
  return folder;
}

/** Runs one suite in a code-server of its own; returns the verdict and the host's counts. */
function runSuite(suite, outerDefer) {
  return withOwnCleanup(outerDefer, async (defer) => {
    const sandbox = await createSandbox(defer, suite.settings);
    const workspace = await suite.workspace(sandbox);
    const underDevelopment = await assembleTestExtension(sandbox);
    await installVsix(sandbox);
    const server = await startCodeServer({
      sandbox,
      smokeTestDriver: true,
      workspaceTrust: suite.workspaceTrust,
      env: suite.subfolder ? { NEWS_CORPUS_INTEGRATION_SUITE: suite.subfolder } : {},
      defer,
    });
    const browser = await launchChromium();
    defer(() => browser.close());
    const page = await browser.newPage();

    // The workbench reports the extension host's console and the tests' end through these two globals.
    const log = [];
    let reportExit;
    const testsExited = new Promise((resolve) => (reportExit = resolve));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = format(...(Array.isArray(args) ? args : [args]));
      log.push(line);
      (type === 'error' ? console.error : console.log)(line);
    });
    await page.exposeFunction('codeAutomationExit', (code) => reportExit(Number(code)));

    say(`running the ${suite.name} integration tests in VS Code (code-server) on ${workspace}…`);
    // The smoke-test driver runs the tests only with an extension under development.
    const payload = [
      ['extensionDevelopmentPath', remoteUri(server.port, underDevelopment)],
      ['extensionTestsPath', remoteUri(server.port, testsEntry)],
    ];
    await page.goto(workbenchUrl(server.baseUrl, workspace, payload));
    const outcome = await withDeadline(
      Promise.race([testsExited.then((exitCode) => ({ exitCode })), server.exitedOnItsOwn.then((serverExit) => ({ serverExit }))]),
      TIMEOUT_MS,
      `the ${suite.name} integration tests did not finish within ${TIMEOUT_MS / 1000} s; see the log above.`,
    );
    server.silence();
    if ('serverExit' in outcome) fail(`code-server stopped during the ${suite.name} tests (${outcome.serverExit}); see its log above.`);
    return integrationVerdict(outcome.exitCode, log.join('\n'));
  });
}

await runMain(async (defer) => {
  for (const [path, hint] of [
    [testsEntry, 'run `npm run compile-tests`'],
    [testExtension.main, 'run `npm run compile-tests`'],
  ]) {
    if (!existsSync(path)) fail(`${path} is missing: ${hint}.`);
  }
  requireChromium();
  await ensureCodeServer();

  const chosen = process.argv.slice(2);
  const unknown = chosen.filter((id) => !SUITES.some((suite) => suite.id === id));
  if (unknown.length > 0) fail(`no integration suite ${unknown.join(', ')}; the suites are ${SUITES.map((suite) => suite.id).join(', ')}.`);
  const started = Date.now();
  const totals = { passed: 0, failed: 0 };
  let allOk = true;
  for (const suite of SUITES.filter((candidate) => chosen.length === 0 || chosen.includes(candidate.id))) {
    const verdict = await runSuite(suite, defer);
    say(`${suite.name} suite: ${verdict.ok ? 'passed' : 'FAILED'} (${verdict.message}).`);
    totals.passed += verdict.passed;
    // A suite that failed without a failed test (its host died, nothing ran) counts as one failure.
    totals.failed += verdict.ok ? 0 : Math.max(verdict.failed, 1);
    allOk &&= verdict.ok;
  }
  say(`integration tests took ${Math.round((Date.now() - started) / 1000)} s.`);
  // The closing line CI reads to count the tests, over all suites.
  console.log(`integration: ${totals.passed} passed, ${totals.failed} failed`);
  return allOk ? 0 : 1;
});
