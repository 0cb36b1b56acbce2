import * as assert from 'assert';
import { filledSlots, findSlot, hashTable } from '../../../src/core/entities/hash-slots';

describe('open-addressing tables of the model file', () => {
  it('finds every key placed, colliding ones by probing, and reports a missing key as −1', () => {
    // 16 slots: 1, 17 and 33 all start at slot 1.
    const { keys, values } = hashTable([[1, 10], [17, 20], [33, 30]], 3, 0.5);
    assert.strictEqual(keys.length, 16);
    assert.deepStrictEqual([1, 17, 33].map((key) => values[findSlot(keys, key)]), [10, 20, 30]);
    assert.strictEqual(findSlot(keys, 49), -1);
    assert.strictEqual(filledSlots(keys), 3);
  });

  it('grows to a power of two under the load factor, and gives the same bytes for the same entries', () => {
    const entries = Array.from({ length: 100 }, (_, i) => [i * 7 + 1, i] as const);
    const { keys } = hashTable(entries, entries.length, 0.7);
    assert.strictEqual(keys.length, 256);
    assert.deepStrictEqual(hashTable(entries, entries.length, 0.7).keys, keys);
  });
});
