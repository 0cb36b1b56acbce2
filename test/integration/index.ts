// Mocha entry that runs inside the VS Code extension host (the `extensionTestsPath` module).
// Both runners load it: code-server's smoke-test driver and @vscode/test-electron.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

const TEST_FILE = /\.test\.js$/;
/** Above the 30 s that a test may wait for an event (helpers.ts), so that a missed event reports what it waited for. */
const TEST_TIMEOUT_MS = 60_000;

/**
 * Runs the compiled `*.test.js` files of one suite: those directly in this folder, or, when the runner names a
 * suite in NEWS_CORPUS_INTEGRATION_SUITE (the workspace it opened is of that kind), those in the subfolder of
 * that name; NEWS_CORPUS_INTEGRATION_GREP, when set, runs only the tests whose full titles match it (mocha's
 * --grep: to run one test again and again). The spec reporter writes through console.log, which the extension host
 * forwards to the workbench and the runner prints (window.codeAutomationLog); colors are off because that path does
 * not carry a terminal.
 */
export async function run(): Promise<void> {
  const suite = process.env['NEWS_CORPUS_INTEGRATION_SUITE'];
  const dir = suite ? join(__dirname, suite) : __dirname;
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: TEST_TIMEOUT_MS });
  const grep = process.env['NEWS_CORPUS_INTEGRATION_GREP'];
  if (grep) mocha.grep(grep);
  const files = readdirSync(dir)
    .filter((file) => TEST_FILE.test(file))
    .sort();
  for (const file of files) mocha.addFile(join(dir, file));

  const { passes, failures } = await new Promise<{ passes: number; failures: number }>((resolve) => {
    const runner = mocha.run(() => resolve({ passes: runner.stats?.passes ?? 0, failures: runner.stats?.failures ?? 0 }));
  });
  // The runner passes a run only with this line (scripts/integration-verdict.mjs): an exit code alone can lie.
  console.log(`integration: ${passes} passed, ${failures} failed`);
  if (failures > 0) throw new Error(`News Corpus: ${failures} integration test(s) failed.`);
  if (passes === 0) throw new Error(`News Corpus: no integration test ran (looked for *.test.js in ${dir}).`);
}
