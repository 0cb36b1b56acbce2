import * as assert from 'assert';
import { BROWN_PREFIXES, brownPaths, packBrownPaths } from '../../../scripts/brown-clusters';
import { seededRandom } from '../../../src/core/random';
import { clusterAt } from '../../../src/core/entities/word-clusters';
import { slotSentencesText } from './slot-sentences';

/** Sentences where companies, cities and people each fill their own slots, as word numbers 1…. */
function slotSentences(): { sentences: Int32Array[]; id: (word: string) => number } {
  const ids = new Map<string, number>();
  const id = (word: string): number => {
    if (!ids.has(word)) ids.set(word, ids.size + 1);
    return ids.get(word) ?? 0;
  };
  const lines = slotSentencesText().toLowerCase().split('\n');
  return { sentences: lines.map((line) => Int32Array.from(line.split(' '), id)), id };
}

/** Random text over `words` word numbers, the lower ones more frequent. */
function randomSentences(seed: number, words: number, count: number): Int32Array[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => Int32Array.from({ length: 3 + Math.floor(random() * 8) }, () => 1 + Math.floor(words * random() * random())));
}

/**
 * Brown clustering by its definition, with nothing incremental: every candidate merge is scored by recomputing the
 * mutual information of the whole clustering from the sentences. Same word order, slots and tie-breaking as the
 * fast version, so the two must choose the same merges.
 */
function brownPathsByDefinition(sentences: readonly Int32Array[], window: number, minCount: number): Map<number, string> {
  const counts = new Map<number, number>();
  let total = 0;
  for (const sentence of sentences) for (const word of sentence) counts.set(word, (counts.get(word) ?? 0) + 1);
  for (const sentence of sentences) total += sentence.length;
  const words = [...counts].filter(([, n]) => n >= minCount).sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([word]) => word);
  const slotCount = Math.min(window, words.length) + 1;
  const slots: Array<number[] | null> = Array.from({ length: slotCount }, () => null);
  const information = (clusters: ReadonlyArray<number[] | null>): number => {
    const clusterOf = new Map<number, number>();
    const unigram = new Map<number, number>();
    clusters.forEach((members, slot) => {
      for (const word of members ?? []) {
        clusterOf.set(word, slot);
        unigram.set(slot, (unigram.get(slot) ?? 0) + (counts.get(word) ?? 0));
      }
    });
    const bigrams = new Map<string, number>();
    for (const sentence of sentences) {
      for (let i = 1; i < sentence.length; i++) {
        const left = clusterOf.get(sentence[i - 1] ?? 0);
        const right = clusterOf.get(sentence[i] ?? 0);
        if (left === undefined || right === undefined) continue;
        bigrams.set(`${left},${right}`, (bigrams.get(`${left},${right}`) ?? 0) + 1);
      }
    }
    let sum = 0;
    for (const [pair, n] of bigrams) {
      const [left = 0, right = 0] = pair.split(',').map(Number);
      sum += n * Math.log((n * total) / ((unigram.get(left) ?? 0) * (unigram.get(right) ?? 0)));
    }
    return sum;
  };
  const mergeBest = (): [number, number] => {
    const before = information(slots);
    let best: [number, number] = [-1, -1];
    let bestLoss = Infinity;
    for (let a = 0; a < slotCount; a++) {
      for (let b = a + 1; b < slotCount; b++) {
        if (slots[a] === null || slots[b] === null) continue;
        const merged = slots.map((members, slot) => (slot === a ? [...(members ?? []), ...(slots[b] ?? [])] : slot === b ? null : members));
        const loss = before - information(merged);
        if (loss < bestLoss - 1e-9) {
          bestLoss = loss;
          best = [a, b];
        }
      }
    }
    const [a, b] = best;
    slots[a] = [...(slots[a] ?? []), ...(slots[b] ?? [])];
    slots[b] = null;
    return best;
  };
  let used = 0;
  for (const word of words) {
    if (used === slotCount) slots[mergeBest()[1]] = [word];
    else slots[used++] = [word];
  }
  if (used === slotCount) mergeBest();
  const leaves = slots.map((members) => (members === null ? null : { members, path: '' }));
  // Each slot holds the leaves below it; a merge prefixes 0 to the first's paths and 1 to the second's.
  const below: Array<Array<{ members: number[]; path: string }>> = leaves.map((leaf) => (leaf === null ? [] : [leaf]));
  while (slots.filter((members) => members !== null).length > 1) {
    const [a, b] = mergeBest();
    for (const leaf of below[a] ?? []) leaf.path = `0${leaf.path}`;
    for (const leaf of below[b] ?? []) leaf.path = `1${leaf.path}`;
    below[a] = [...(below[a] ?? []), ...(below[b] ?? [])];
    below[b] = [];
  }
  const paths = new Map<number, string>();
  for (const leaf of leaves) for (const word of leaf?.members ?? []) paths.set(word, leaf?.path ?? '');
  return paths;
}

describe('Brown clusters', () => {
  it('chooses the merges that the definition of the mutual-information loss chooses', () => {
    for (const [seed, words, window] of [
      [1, 14, 5],
      [2, 20, 6],
      [3, 9, 20],
      [4, 30, 8],
    ] as const) {
      const sentences = randomSentences(seed, words, 120);
      assert.deepStrictEqual([...brownPaths(sentences, { window, minCount: 2 })].sort(), [...brownPathsByDefinition(sentences, window, 2)].sort(), `seed ${seed}`);
    }
  });

  it('puts words used alike under one branch, deterministically', () => {
    const { sentences, id } = slotSentences();
    const paths = brownPaths(sentences, { window: 8, minCount: 2 });
    assert.deepStrictEqual([...brownPaths(sentences, { window: 8, minCount: 2 })], [...paths]);
    const shared = (a: string, b: string): number => {
      const pathA = paths.get(id(a)) ?? '';
      const pathB = paths.get(id(b)) ?? '-';
      let n = 0;
      while (n < pathA.length && pathA[n] === pathB[n]) n++;
      return n;
    };
    for (const [alike, other] of [
      [['google', 'twitter'], 'paris'],
      [['paris', 'lima'], 'anna'],
      [['anna', 'dmitri'], 'google'],
    ] as const) assert.ok(shared(alike[0], alike[1]) > shared(alike[0], other), `${alike.join(' ')} against ${other}`);
  });

  it('gives no path to a word seen fewer than minCount times', () => {
    const paths = brownPaths([Int32Array.of(7, 1, 2), Int32Array.of(1, 2, 1, 2)], { window: 2, minCount: 2 });
    assert.deepStrictEqual([...paths.keys()].sort(), [1, 2]);
  });

  it('numbers each prefix length of the paths in string order, one level each', () => {
    const packed = packBrownPaths(new Map([[11, '0000001111'], [12, '0000001110'], [13, '1']]));
    const levels = (word: number): number[] => BROWN_PREFIXES.map((_, level) => clusterAt(packed.get(word) ?? 0, level));
    // Finest (20 bits) apart, 10 bits apart, 6 bits shared by the first two; '1' is its own prefix at every length.
    assert.deepStrictEqual(levels(11), [2, 2, 1]);
    assert.deepStrictEqual(levels(12), [1, 1, 1]);
    assert.deepStrictEqual(levels(13), [3, 3, 2]);
  });
});
