import * as assert from 'assert';
import { LatestUpdate } from '../../../src/core/panels/latest-update';

/** A preparation the test finishes when it chooses. */
function waiting(): { readonly prepare: () => Promise<void>; readonly finish: () => void; readonly fail: () => void } {
  let finish = () => {};
  let fail = () => {};
  const done = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = () => reject(new Error('the analysis failed'));
  });
  return { prepare: () => done, finish: () => finish(), fail: () => fail() };
}

describe('LatestUpdate', () => {
  it('sends an update with nothing to prepare at once', () => {
    const sent: string[] = [];
    void new LatestUpdate().run(undefined, () => sent.push('now'));
    assert.deepStrictEqual(sent, ['now']);
  });

  it('sends only the latest of updates whose preparations end in another order', async () => {
    const updates = new LatestUpdate();
    const sent: string[] = [];
    const first = waiting();
    const second = waiting();
    const firstRun = updates.run(first.prepare, () => sent.push('first'));
    const secondRun = updates.run(second.prepare, () => sent.push('second'));
    second.finish();
    await secondRun;
    first.finish();
    await firstRun;
    assert.deepStrictEqual(sent, ['second']);
  });

  it('sends an update whose preparation failed, with what was found', async () => {
    const updates = new LatestUpdate();
    const sent: string[] = [];
    const failing = waiting();
    const run = updates.run(failing.prepare, () => sent.push('partial'));
    failing.fail();
    await run;
    assert.deepStrictEqual(sent, ['partial']);
  });
});
