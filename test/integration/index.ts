// Mocha entry that runs inside the VS Code extension host (the `extensionTestsPath` module).
// Both runners load it: code-server's smoke-test driver and @vscode/test-electron.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

const TEST_FILE = /\.test\.js$/;

/**
 * Runs every compiled `*.test.js` below this folder. The spec reporter writes through
 * console.log, which the extension host forwards to the workbench and the runner prints
 * (window.codeAutomationLog); colors are off because that path does not carry a terminal.
 */
export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 20_000 });
  const files = readdirSync(__dirname, { recursive: true, encoding: 'utf8' })
    .filter((file) => TEST_FILE.test(file))
    .sort();
  for (const file of files) mocha.addFile(join(__dirname, file));

  const { passes, failures } = await new Promise<{ passes: number; failures: number }>((resolve) => {
    const runner = mocha.run(() => resolve({ passes: runner.stats?.passes ?? 0, failures: runner.stats?.failures ?? 0 }));
  });
  // The closing line CI reads to count the tests.
  console.log(`integration: ${passes} passed, ${failures} failed`);
  if (failures > 0) throw new Error(`News Corpus: ${failures} integration test(s) failed.`);
  if (passes === 0) throw new Error(`News Corpus: no integration test ran (looked for *.test.js in ${__dirname}).`);
}
