import * as assert from 'assert';
import { PacedUpdates } from '../../../src/core/paced-updates';
import { ManualClock } from '../../support/manual-clock';

/** A paced update that records when it ran, on a manual clock, at `interval` ms (or as the interval says). */
function paced(interval: number | (() => number)) {
  const clock = new ManualClock();
  const runs: number[] = [];
  const updates = new PacedUpdates(() => runs.push(clock.now()), typeof interval === 'number' ? () => interval : interval, clock);
  return { clock, runs, updates };
}

describe('PacedUpdates', () => {
  it('runs the first request at once', () => {
    const { runs, updates } = paced(1_000);
    updates.request();
    assert.deepStrictEqual(runs, [0]);
    assert.strictEqual(updates.pending, false);
  });

  it('makes the requests within an interval one run at its end', () => {
    const { clock, runs, updates } = paced(1_000);
    updates.request();
    for (let i = 0; i < 39; i++) {
      clock.advance(25);
      updates.request();
    }
    // 39 requests within the first second, after the one at 0: one more run, at 1,000 ms.
    assert.deepStrictEqual(runs, [0]);
    clock.advance(25);
    assert.deepStrictEqual(runs, [0, 1_000]);
    clock.advance(5_000);
    assert.deepStrictEqual(runs, [0, 1_000]);
    assert.strictEqual(clock.waiting, 0);
  });

  it('runs a request at once when the last run is an interval old', () => {
    const { clock, runs, updates } = paced(1_000);
    updates.request();
    clock.advance(1_500);
    updates.request();
    clock.advance(999);
    updates.request();
    clock.advance(1);
    assert.deepStrictEqual(runs, [0, 1_500, 2_500]);
  });

  it('runs at most once an interval under a steady stream of requests, and the last request is never lost', () => {
    const { clock, runs, updates } = paced(1_000);
    for (let i = 0; i < 400; i++) {
      updates.request();
      clock.advance(25);
    }
    // Requests from 0 to 9,975 ms: runs at 0, 1,000, …, 9,000, and the last one's at 10,000.
    assert.deepStrictEqual(runs, Array.from({ length: 11 }, (_, i) => i * 1_000));
  });

  it('reads the interval at each request', () => {
    let interval = 100;
    const { clock, runs, updates } = paced(() => interval);
    updates.request();
    interval = 1_000;
    clock.advance(200);
    updates.request();
    clock.advance(2_000);
    assert.deepStrictEqual(runs, [0, 1_000]);
  });

  it('runNow runs in place of the waiting run and starts the interval again', () => {
    const { clock, runs, updates } = paced(1_000);
    updates.request();
    clock.advance(300);
    updates.request();
    clock.advance(100);
    updates.runNow();
    assert.strictEqual(updates.pending, false);
    clock.advance(800);
    updates.request();
    clock.advance(5_000);
    assert.deepStrictEqual(runs, [0, 400, 1_400]);
  });

  it('reset drops the waiting run, and the next request runs at once', () => {
    const { clock, runs, updates } = paced(1_000);
    updates.request();
    clock.advance(100);
    updates.request();
    updates.reset();
    assert.strictEqual(clock.waiting, 0);
    clock.advance(100);
    updates.request();
    assert.deepStrictEqual(runs, [0, 200]);
  });
});
