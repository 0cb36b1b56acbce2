// The verdict of one integration run, from what the extension host reported. Kept apart from the runner
// so that plain-Node unit tests can check it against recorded logs.

/** The closing line test/integration/index.ts prints once mocha has finished. */
const SUMMARY_LINE = /^integration: (\d+) passed, (\d+) failed$/gm;

/**
 * Whether an integration run passed: the workbench's exit code alone cannot say, because VS Code reports an
 * extension host that crashed, was killed or lost its connection as exit 0. A run passes only when the code
 * is 0 and the host's log ends its tests with the mocha summary line, more than 0 passed and 0 failed.
 * Returns `{ ok, message, passed, failed }`: the message says why in either case, the counts are the summary's
 * (0 and 0 without one).
 *
 * @example
 * integrationVerdict(0, 'integration: 12 passed, 0 failed\n'); // { ok: true, message: '12 passed, 0 failed', passed: 12, failed: 0 }
 * integrationVerdict(0, '  ✔ activates the extension\n');      // { ok: false, message: 'the extension host ended … without the summary line …', passed: 0, failed: 0 }
 */
export function integrationVerdict(exitCode, log) {
  const summaries = [...log.matchAll(SUMMARY_LINE)];
  const last = summaries.at(-1);
  if (!last) {
    return {
      ok: false,
      message: `the extension host ended (exit code ${exitCode}) without the summary line "integration: N passed, N failed": it crashed, was killed or lost its connection before mocha finished`,
      passed: 0,
      failed: 0,
    };
  }
  const passed = Number(last[1]);
  const failed = Number(last[2]);
  const counts = `${passed} passed, ${failed} failed`;
  const verdict = (ok, message) => ({ ok, message, passed, failed });
  if (failed > 0) return verdict(false, counts);
  if (passed === 0) return verdict(false, `${counts}: no test ran`);
  if (exitCode !== 0) return verdict(false, `${counts}, but the workbench exited with code ${exitCode}`);
  return verdict(true, counts);
}
