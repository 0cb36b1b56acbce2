import * as assert from 'assert';
import * as fc from 'fast-check';
import { displayName, identityOfDisplay, nameIdentity } from '../../../src/core/entities/names';
import { TAG_COUNT } from '../../../src/core/entities/tags';
import { WeightTable } from '../../../src/core/entities/weights';
import { SEED_ARRIVAL, SEED_MEETING, readSeed, recognizer } from './fixtures';

// The speed-ups of the decoder and of merging must not change any output: these pin the invariants
// they rely on (the full-corpus byte-for-byte comparison is a manual step, see docs/entities.md).
describe('entity engine speed-ups', () => {
  it('WeightTable.addAt adds exactly what add adds, at the given offset', () => {
    const table = WeightTable.fromRows(
      new Map([
        [7, [2, -1, 0, 3]],
        [9, [0, 0, 5, 0]],
      ]),
      1000,
    );
    for (const key of [7, 9, 11]) {
      const direct = new Int32Array(TAG_COUNT);
      table.add(key, direct);
      const shifted = new Int32Array(TAG_COUNT * 3);
      table.addAt(key, shifted, TAG_COUNT);
      assert.deepStrictEqual([...shifted.subarray(TAG_COUNT, TAG_COUNT * 2)], [...direct]);
      assert.ok(shifted.subarray(0, TAG_COUNT).every((value) => value === 0));
    }
  });

  it('identityOfDisplay(displayName(text)) is nameIdentity(text)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => identityOfDisplay(displayName(text)) === nameIdentity(text)),
    );
    assert.strictEqual(identityOfDisplay(displayName('The New York Times’s')), 'new york times');
  });

  it('gives the same spans whatever was recognised before (no state leaks between documents through the caches)', () => {
    const texts = [readSeed(SEED_MEETING), readSeed(SEED_ARRIVAL), 'ROMANIA BEAT LITHUANIA\nRomania beat Lithuania 2-1 in Bucharest.'];
    const alone = texts.map((text) => JSON.stringify(recognizer().recognize(text)));
    for (let round = 0; round < 2; round++) {
      for (let i = texts.length - 1; i >= 0; i--) assert.strictEqual(JSON.stringify(recognizer().recognize(texts[i] ?? '')), alone[i]);
    }
  });
});
