import * as assert from 'assert';
import { editsWithin } from '../../../src/core/edit-distance';
import { seededRandom } from '../../../src/core/random';

/** The optimal string alignment distance, worked out in full: what `editsWithin` gives up to its `max`. */
function fullDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] ?? [];
      const up = d[i - 1] ?? [];
      row[j] = Math.min((up[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (up[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j] ?? 0, (d[i - 2]?.[j - 2] ?? 0) + 1);
    }
  }
  return d[a.length]?.[b.length] ?? 0;
}

describe('editsWithin', () => {
  it('counts insertions, deletions, changes, and two neighbouring letters swapped, each as one typo', () => {
    assert.strictEqual(editsWithin('scholtz', 'scholz', 2), 1);
    assert.strictEqual(editsWithin('merkle', 'merkel', 2), 1);
    assert.strictEqual(editsWithin('trmup', 'trump', 1), 1);
    assert.strictEqual(editsWithin('peson', 'person', 1), 1);
    assert.strictEqual(editsWithin('trump', 'trump', 1), 0);
  });

  it('gives max + 1 for anything farther', () => {
    assert.strictEqual(editsWithin('sarkozy', 'scholz', 2), 3);
    assert.strictEqual(editsWithin('a', 'abcd', 1), 2);
    assert.strictEqual(editsWithin('ca', 'abc', 1), 2, 'a swap and an insertion: each letter edited once');
  });

  it('agrees with the distance worked out in full, up to max (property)', () => {
    const next = seededRandom(25);
    const word = () => Array.from({ length: Math.floor(next() * 7) }, () => 'abcd'.charAt(Math.floor(next() * 4))).join('');
    for (let round = 0; round < 2000; round++) {
      const [a, b, max] = [word(), word(), Math.floor(next() * 4)];
      assert.strictEqual(editsWithin(a, b, max), Math.min(fullDistance(a, b), max + 1), `${a} ${b} ${max}`);
    }
  });
});
