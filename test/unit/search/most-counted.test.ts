import * as assert from 'assert';
import { mostCounted } from '../../../src/core/search/most-counted';

/** What sorting every id gives: the reference mostCounted must agree with. */
function sortedAll(ids: readonly number[], counts: ArrayLike<number>, limit: number): number[] {
  return ids
    .slice()
    .sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || a - b)
    .slice(0, limit);
}

describe('mostCounted', () => {
  it('keeps the highest counts, ties by the smaller id', () => {
    const counts = new Uint32Array([0, 0, 0, 2, 5, 0, 0, 2, 0, 1]);
    assert.deepStrictEqual(mostCounted([7, 3, 9, 4], counts, 2), [4, 3]);
    assert.deepStrictEqual(mostCounted([7, 3, 9, 4], counts, 3), [4, 3, 7]);
    assert.deepStrictEqual(mostCounted([7, 3, 9, 4], counts, 10), [4, 3, 7, 9]);
    assert.deepStrictEqual(mostCounted([7, 3, 9, 4], counts, 0), []);
    assert.deepStrictEqual(mostCounted([], counts, 3), []);
  });

  it('agrees with sorting every id, whatever the limit and the ties', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const counts = new Uint32Array(5000).map(() => Math.floor(random() * random() * 300));
    const ids = Array.from({ length: 3000 }, () => Math.floor(random() * 5000)).filter((id, at, all) => all.indexOf(id) === at);
    for (const limit of [1, 2, 48, 96, 500, ids.length, ids.length + 1]) assert.deepStrictEqual(mostCounted(ids, counts, limit), sortedAll(ids, counts, limit), `limit ${limit}`);
    const ties = new Uint32Array(100).fill(3);
    assert.deepStrictEqual(mostCounted([50, 10, 30, 20], ties, 2), [10, 20]);
  });
});
