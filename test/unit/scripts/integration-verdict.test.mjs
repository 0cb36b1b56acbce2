// The integration runner's verdict, on logs recorded from real runs in code-server (test/fixtures/integration-logs).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../../scripts/harness.mjs';
import { integrationVerdict } from '../../../scripts/integration-verdict.mjs';

const recorded = (name) => JSON.parse(readFileSync(join(repoRoot, 'test', 'fixtures', 'integration-logs', `${name}.json`), 'utf8'));

describe('the integration runner’s verdict', () => {
  it('passes a run whose host printed the summary with tests passed and none failed', () => {
    const { exitCode, log } = recorded('passed');
    assert.deepEqual(integrationVerdict(exitCode, log), { ok: true, message: '3 passed, 0 failed', passed: 3, failed: 0 });
  });

  it('fails a run whose extension host was killed mid-run, although the workbench reported exit code 0', () => {
    const { exitCode, log } = recorded('host-killed');
    assert.equal(exitCode, 0, 'the recording shows the exit code lying');
    const verdict = integrationVerdict(exitCode, log);
    assert.equal(verdict.ok, false);
    assert.match(verdict.message, /without the summary line/);
  });

  it('fails a run with a failed test', () => {
    const { exitCode, log } = recorded('failed');
    assert.deepEqual(integrationVerdict(exitCode, log), { ok: false, message: '2 passed, 1 failed', passed: 2, failed: 1 });
  });

  it('fails a run in which no test ran, or whose exit code is not 0 despite the summary', () => {
    assert.equal(integrationVerdict(0, 'integration: 0 passed, 0 failed').ok, false);
    assert.equal(integrationVerdict(1, 'integration: 5 passed, 0 failed').ok, false);
  });

  it('reads the summary only as a whole line, the last one counting', () => {
    assert.equal(integrationVerdict(0, 'it logged "integration: 5 passed, 0 failed" in a test').ok, false);
    assert.equal(integrationVerdict(0, 'integration: 5 passed, 0 failed\nintegration: 4 passed, 1 failed').ok, false);
  });
});
