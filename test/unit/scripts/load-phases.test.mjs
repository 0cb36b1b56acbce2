// The bench's line for a saved index's load, from the stall probe's lines.
import * as assert from 'node:assert/strict';
import { loadPhasesLine } from '../../../scripts/load-phases.mjs';

const activated = { pid: 7, at: 10_000, event: 'activated' };
const load = { pid: 7, at: 13_800, event: 'load', daysAt: 11_200, readAt: 12_100, checkedAt: 12_400, inflatedAt: 12_700, repliedAt: 12_900, searchableAt: 13_500, textCheckedAt: 13_700, readerCpuMs: 1_200 };

describe('the bench’s line for a saved index’s load', () => {
  it('says when each phase ended from the activation, what each took, and the cache thread’s CPU', () => {
    assert.equal(
      loadPhasesLine([activated, load], activated),
      "days on the host's thread 1.20 s, file read 2.10 s (+0.90 s), checksum but the text 2.40 s (+0.30 s), inflated 2.70 s (+0.30 s), reply on the host's thread 2.90 s (+0.20 s), decoded, search can answer 3.50 s (+0.60 s), the text's checksum 3.70 s (+0.20 s); the cache's thread's CPU 1.20 s",
    );
  });

  it('takes the first load of that host after its activation, not another host’s or an earlier one', () => {
    const earlier = { ...load, at: 9_000, daysAt: 8_000 };
    const otherHost = { ...load, pid: 8, daysAt: 10_500 };
    assert.match(loadPhasesLine([earlier, otherHost, load], activated) ?? '', /^days on the host's thread 1\.20 s/);
  });

  it('leaves out a phase the line lacks and says when the thread’s CPU is not known', () => {
    const partial = { pid: 7, at: 13_800, event: 'load', readAt: 12_100, inflatedAt: 12_900, repliedAt: 13_100, searchableAt: 13_700 };
    assert.equal(
      loadPhasesLine([activated, partial], activated),
      "file read 2.10 s, inflated 2.90 s (+0.80 s), reply on the host's thread 3.10 s (+0.20 s), decoded, search can answer 3.70 s (+0.60 s); the cache's thread's CPU not known (no process.threadCpuUsage)",
    );
  });

  it('is undefined when that host loaded no saved index', () => {
    assert.equal(loadPhasesLine([activated], activated), undefined);
  });
});
