import * as assert from 'assert';
import { LatestUpdate } from '../../../src/core/panels/latest-update';

/** A preparation the test finishes when it chooses, and whose early sends it makes when it chooses. */
function waiting(): { readonly prepare: (early: () => void) => Promise<void>; readonly early: () => void; readonly finish: () => void; readonly fail: () => void } {
  let finish = () => {};
  let fail = () => {};
  let sendEarly = () => {};
  const done = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = () => reject(new Error('the analysis failed'));
  });
  return {
    prepare: (early) => {
      sendEarly = early;
      return done;
    },
    early: () => sendEarly(),
    finish: () => finish(),
    fail: () => fail(),
  };
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

  it('sends what an update found so far at each early call, until a later update comes, then the whole update', async () => {
    const updates = new LatestUpdate();
    const sent: string[] = [];
    const first = waiting();
    const run = updates.run(first.prepare, (final) => sent.push(final ? 'first' : 'first so far'));
    first.early();
    first.finish();
    await run;
    assert.deepStrictEqual(sent, ['first so far', 'first']);
    const second = waiting();
    const secondRun = updates.run(second.prepare, (final) => sent.push(final ? 'second' : 'second so far'));
    void updates.run(undefined, () => sent.push('third'));
    second.early();
    second.finish();
    await secondRun;
    assert.deepStrictEqual(sent, ['first so far', 'first', 'third'], 'the older update sends nothing, early or not');
  });
});
