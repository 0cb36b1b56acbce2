// The tests wait for events or conditions, never for a fixed time: a fixed wait is either too short on a loaded
// 2-core machine (a flaky failure, or a check that passes without checking) or longer than needed everywhere else.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../../scripts/harness.mjs';

/** A promise that only waits (`new Promise((resolve) => setTimeout(resolve, …))`), Playwright's pause, a sleep. */
const FIXED_WAIT = /new Promise\(\s*\(?\s*(\w+)\s*\)?\s*=>\s*setTimeout\(\s*\1\b|\bwaitForTimeout\(|\bsleep\(/;

function sourcesIn(dir) {
  return readdirSync(join(repoRoot, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|mjs)$/.test(file))
    .map((file) => join(dir, file));
}

/** This file, which spells out the forms it looks for. */
const THIS_FILE = join('test', 'unit', 'scripts', 'test-waits.test.mjs');

describe('waits in the unit, integration and e2e tests', () => {
  const files = [...sourcesIn('test/unit'), ...sourcesIn('test/integration'), ...sourcesIn('test/e2e')].filter((file) => file !== THIS_FILE);

  it('finds the test sources', () => {
    assert.ok(files.length >= 5, files.join(', '));
  });

  it('has no fixed wait: each waits for an event or polls a condition', () => {
    const offenders = files.flatMap((file) =>
      readFileSync(join(repoRoot, file), 'utf8')
        .split('\n')
        .flatMap((line, index) => (FIXED_WAIT.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : [])),
    );
    assert.deepEqual(offenders, []);
  });

  it('recognises the forms a fixed wait takes', () => {
    for (const line of ['await new Promise((resolve) => setTimeout(resolve, 50));', 'await new Promise(r => setTimeout(r, 2000));', 'await page.waitForTimeout(500);']) {
      assert.match(line, FIXED_WAIT);
    }
    assert.doesNotMatch('const timer = setTimeout(() => settle(reject), CONDITION_DEADLINE_MS);', FIXED_WAIT);
  });
});
