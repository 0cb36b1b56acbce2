import * as assert from 'assert';
import { FeatureContext, MAX_FEATURES, NEIGHBOURS, Neighbour, neighbourFeatures } from '../../../src/core/entities/features';
import { tokenize } from '../../../src/core/entities/tokenizer';
import { CLUSTER_LEVELS, WordClusters, packClusters } from '../../../src/core/entities/word-clusters';
import { lowerCaseHashOf } from './fixtures';

/** The static feature keys of each token of `text`, with "band" in text cluster 1/2/3 and GloVe cluster 4/5/6. */
function keysOf(text: string): { context: FeatureContext; keys: Set<number>[] } {
  const band = lowerCaseHashOf('band');
  const context = new FeatureContext();
  context.prepare(text, tokenize(text), {
    clusters: WordClusters.build(new Map([[band, packClusters([1, 2, 3])]])),
    embeddings: WordClusters.build(new Map([[band, packClusters([4, 5, 6])]])),
  });
  const buffer = new Int32Array(MAX_FEATURES);
  const keys: Set<number>[] = [];
  for (let i = 0; i < context.count; i++) keys.push(new Set(buffer.subarray(0, context.staticFeatures(i, buffer, 0))));
  return { context, keys };
}

/** The keys `neighbourFeatures` gives for token `j` of `context` as `neighbour`, without its word's own key. */
function clusterKeysAs(context: FeatureContext, neighbour: Neighbour, j: number): number[] {
  const buffer = new Int32Array(MAX_FEATURES);
  const n = neighbourFeatures(neighbour, true, context.low[j] ?? 0, context.clustersOf(j), context.embeddingsOf(j), buffer, 0);
  return [...buffer.subarray(1, n)];
}

describe('word clusters of the words two away (ClusterPrev2 / ClusterNext2, EmbeddingPrev2 / EmbeddingNext2)', () => {
  it('gives a token the three levels of both cluster sources of the words at distance 2, apart from those at distance 1', () => {
    // "the band Linkin Park": "band" decides the type of "Park", two words on.
    const { context, keys } = keysOf('the band Linkin Park played');
    const asSecondPrevious = clusterKeysAs(context, Neighbour.SecondPrevious, 1);
    assert.strictEqual(asSecondPrevious.length, 2 * CLUSTER_LEVELS);
    for (const key of asSecondPrevious) assert.ok(keys[3]?.has(key), '"Park" has the clusters of "band"');
    for (const key of asSecondPrevious) assert.ok(!keys[2]?.has(key), '"Linkin" has them as the previous word’s, not as these');
    for (const key of clusterKeysAs(context, Neighbour.Previous, 1)) assert.ok(keys[2]?.has(key) && !keys[3]?.has(key));
    const asSecondNext = clusterKeysAs(context, Neighbour.SecondNext, 1);
    assert.ok(asSecondNext.every((key) => !asSecondPrevious.includes(key)), 'the next side’s templates are other than the previous side’s');
  });

  it('reads a cluster of its own for every neighbour, and the sentence boundary where there is no word', () => {
    const { context } = keysOf('the band played');
    const seen = new Set<number>();
    for (let neighbour = 0; neighbour < NEIGHBOURS; neighbour++) {
      const buffer = new Int32Array(MAX_FEATURES);
      const n = neighbourFeatures(neighbour, true, context.low[1] ?? 0, context.clustersOf(1), context.embeddingsOf(1), buffer, 0);
      assert.strictEqual(n, 1 + 2 * CLUSTER_LEVELS, `neighbour ${neighbour}: its word and both sources' levels`);
      for (const key of buffer.subarray(1, n)) seen.add(key);
      const boundary = new Int32Array(MAX_FEATURES);
      assert.strictEqual(neighbourFeatures(neighbour, false, 0, 0, 0, boundary, 0), n, 'as many past the sentence');
    }
    assert.strictEqual(seen.size, NEIGHBOURS * 2 * CLUSTER_LEVELS, 'no two neighbours or sources share a key');
  });
});
