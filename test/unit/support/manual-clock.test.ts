import * as assert from 'assert';
import { ManualClock } from '../../support/manual-clock';

describe('ManualClock (test support)', () => {
  it('runs the soonest timer at its own time with runNext, whenever it was set, and says when none waits', () => {
    const clock = new ManualClock();
    const runs: string[] = [];
    clock.setTimeout(() => runs.push(`late at ${clock.now()}`), 10_000);
    const cleared = clock.setTimeout(() => runs.push('cleared'), 1_000);
    clock.setTimeout(() => runs.push(`soon at ${clock.now()}`), 2_000);
    clock.clearTimeout(cleared);
    clock.clearTimeout(undefined);
    assert.deepStrictEqual([clock.runNext(), clock.runNext(), clock.runNext()], [true, true, false]);
    assert.deepStrictEqual([runs, clock.now(), clock.waiting], [['soon at 2000', 'late at 10000'], 10_000, 0]);
  });

  it('runs a timer set by a timer it runs, when it falls due within the same advance', () => {
    const clock = new ManualClock();
    const runs: number[] = [];
    clock.setTimeout(() => clock.setTimeout(() => runs.push(clock.now()), 500), 1_000);
    clock.advance(1_499);
    assert.deepStrictEqual(runs, []);
    clock.advance(1);
    assert.deepStrictEqual([runs, clock.now()], [[1_500], 1_500]);
  });
});
