import * as assert from 'assert';
import { buildEmbeddingClusters, buildWordClusters } from '../../../src/core/entities/cluster-builder';
import { FeatureContext, MAX_FEATURES } from '../../../src/core/entities/features';
import { Gazetteer } from '../../../src/core/entities/gazetteer';
import { readModel, writeModel } from '../../../src/core/entities/model-file';
import { tokenize } from '../../../src/core/entities/tokenizer';
import { WeightTable } from '../../../src/core/entities/weights';
import { CLUSTER_LEVELS, WordClusters, clusterAt, packClusters } from '../../../src/core/entities/word-clusters';
import { WordVectors } from '../../../src/core/entities/word-vectors';
import { slotSentencesText } from './slot-sentences';

/** What a model without word vectors holds: no dimension. */
const noVectors = WordVectors.build(WordClusters.build(new Map()), new Map(), 0);

/** The recogniser's lower-case hashes of `text`, one list per line. */
function hashedSentences(text: string): { sentences: Int32Array[]; hashOf: (word: string) => number } {
  const context = new FeatureContext();
  const sentences = text.split('\n').map((line) => {
    const tokens = tokenize(line);
    context.prepare(line, tokens);
    return context.low.slice(0, tokens.count);
  });
  const hashOf = (word: string): number => {
    context.prepare(word, tokenize(word));
    return context.low[0] ?? 0;
  };
  return { sentences, hashOf };
}

describe('word clusters', () => {
  it('packs a cluster number per level, 0 meaning none', () => {
    const packed = packClusters([4, 2, 0]);
    assert.deepStrictEqual([0, 1, 2].map((level) => clusterAt(packed, level)), [5, 3, 1]);
    assert.strictEqual(clusterAt(0, 1), 0);
  });

  it('looks words up by hash in a table that is the same whatever the insertion order', () => {
    const entries: [number, number][] = [[17, packClusters([1, 1, 1])], [-5, packClusters([2, 1, 0])], [33, packClusters([3, 0, 0])]];
    const table = WordClusters.build(new Map(entries));
    assert.strictEqual(table.lookup(-5), packClusters([2, 1, 0]));
    assert.strictEqual(table.lookup(99), 0);
    assert.strictEqual(table.size, 3);
    assert.deepStrictEqual(WordClusters.build(new Map([...entries].reverse())).keys, table.keys);
  });

  it('puts words used alike in one cluster and keeps kinds apart, deterministically', () => {
    const { sentences, hashOf } = hashedSentences(slotSentencesText());
    const options = { clusters: [6, 3, 2], minCount: 2, iterations: 10 };
    const clusters = buildWordClusters(sentences, options);
    assert.deepStrictEqual([...buildWordClusters(sentences, options)], [...clusters]);
    const fine = (word: string): number => clusterAt(clusters.get(hashOf(word)) ?? 0, 0);
    assert.strictEqual(fine('Google'), fine('Twitter'));
    assert.strictEqual(fine('Paris'), fine('Lima'));
    assert.strictEqual(fine('Anna'), fine('Dmitri'));
    assert.notStrictEqual(fine('Google'), fine('Paris'));
    assert.notStrictEqual(fine('Paris'), fine('Anna'));
    for (const value of clusters.values()) for (let level = 0; level < CLUSTER_LEVELS; level++) assert.ok(clusterAt(value, level) > 0);
  });

  it('gives no cluster to a word seen fewer than minCount times', () => {
    const { sentences, hashOf } = hashedSentences('Zanzibar once\nthe the the\nthe end the end');
    const clusters = buildWordClusters(sentences, { clusters: [2, 2, 1], minCount: 2 });
    assert.strictEqual(clusters.has(hashOf('Zanzibar')), false);
    assert.strictEqual(clusters.has(hashOf('the')), true);
  });

  it('travels through the model file and into the per-token features', () => {
    const { sentences, hashOf } = hashedSentences(slotSentencesText());
    const clusters = WordClusters.build(buildWordClusters(sentences, { clusters: [6, 3, 2], minCount: 2 }));
    const bytes = writeModel({ weights: WeightTable.fromRows(new Map([[7, Float64Array.of(1, 0)]]), 1), gazetteer: Gazetteer.build([]), clusters, embeddings: WordClusters.build(new Map()), vectors: noVectors });
    const model = readModel(bytes);
    assert.strictEqual(model.clusters.lookup(hashOf('Google')), clusters.lookup(hashOf('Google')));
    const context = new FeatureContext();
    const text = 'Microsoft and Zanzibar';
    context.prepare(text, tokenize(text), { gazetteer: model.gazetteer, clusters: model.clusters });
    assert.ok(context.clustersOf(0) !== 0);
    assert.strictEqual(context.clustersOf(2), 0);
  });

  describe('clusters of word vectors', () => {
    /** Three groups of 2-d vectors around three directions, with a little seeded jitter. */
    function groupedVectors(perGroup: number): { words: number[]; vectors: Float32Array; groupOf: (word: number) => number } {
      const directions = [[1, 0], [0, 1], [-1, -1]];
      const words: number[] = [];
      const vectors = new Float32Array(perGroup * directions.length * 2);
      let state = 7;
      const jitter = (): number => {
        state = (state * 48271) % 2147483647;
        return (state / 2147483647 - 0.5) * 0.2;
      };
      for (let i = 0; i < perGroup * directions.length; i++) {
        const direction = directions[i % directions.length] ?? [0, 0];
        words.push(1000 + i);
        vectors[i * 2] = (direction[0] ?? 0) * (1 + i) + jitter();
        vectors[i * 2 + 1] = (direction[1] ?? 0) * (1 + i) + jitter();
      }
      return { words, vectors, groupOf: (word) => (word - 1000) % directions.length };
    }

    it('groups words by the direction of their vectors, whatever their length, deterministically', () => {
      const { words, vectors, groupOf } = groupedVectors(10);
      const options = { clusters: [3, 2, 1], iterations: 6, seed: 5 };
      const clusters = buildEmbeddingClusters(words, vectors, 2, options);
      assert.deepStrictEqual([...buildEmbeddingClusters(words, vectors, 2, options)], [...clusters]);
      const fine = (word: number): number => clusterAt(clusters.get(word) ?? 0, 0);
      for (const word of words) for (const other of words) assert.strictEqual(fine(word) === fine(other), groupOf(word) === groupOf(other));
    });

    it('puts every word in exactly one cluster per level, the levels nested', () => {
      const { words, vectors } = groupedVectors(40);
      const clusters = buildEmbeddingClusters(words, vectors, 2, { clusters: [12, 4, 2], iterations: 4 });
      assert.strictEqual(clusters.size, words.length);
      const parent = [new Map<number, number>(), new Map<number, number>()];
      for (const value of clusters.values()) {
        for (let level = 0; level < CLUSTER_LEVELS; level++) assert.ok(clusterAt(value, level) > 0);
        for (let level = 0; level + 1 < CLUSTER_LEVELS; level++) {
          const seen = parent[level]?.get(clusterAt(value, level));
          assert.ok(seen === undefined || seen === clusterAt(value, level + 1), 'a fine cluster has one coarser cluster');
          parent[level]?.set(clusterAt(value, level), clusterAt(value, level + 1));
        }
      }
    });

    it('keeps the first row of a word listed twice and refuses vectors that do not match the words', () => {
      const vectors = Float32Array.of(1, 0, 0, 1, 0.1, 1);
      const clusters = buildEmbeddingClusters([5, 6, 5], vectors, 2, { clusters: [2, 1, 1] });
      assert.deepStrictEqual([...clusters.keys()], [5, 6]);
      assert.notStrictEqual(clusterAt(clusters.get(5) ?? 0, 0), clusterAt(clusters.get(6) ?? 0, 0));
      assert.throws(() => buildEmbeddingClusters([5, 6], vectors, 2), /News Corpus:/);
    });

    it('travels through the model file and gives a word features of its own, apart from the text clusters', () => {
      const { hashOf } = hashedSentences('');
      const words = ['google', 'twitter', 'paris', 'lima'].map(hashOf);
      const vectors = Float32Array.of(1, 0, 0.9, 0.1, 0, 1, 0.1, 0.9);
      const embeddings = WordClusters.build(buildEmbeddingClusters(words, vectors, 2, { clusters: [2, 1, 1] }));
      const bytes = writeModel({ weights: WeightTable.fromRows(new Map([[7, Float64Array.of(1, 0)]]), 1), gazetteer: Gazetteer.build([]), clusters: WordClusters.build(new Map()), embeddings, vectors: noVectors });
      const model = readModel(bytes);
      const context = new FeatureContext();
      const text = 'Google and Twitter in Paris';
      context.prepare(text, tokenize(text), { gazetteer: model.gazetteer, clusters: model.clusters, embeddings: model.embeddings });
      assert.strictEqual(context.clustersOf(0), 0);
      assert.strictEqual(context.embeddingsOf(0), context.embeddingsOf(2));
      assert.notStrictEqual(context.embeddingsOf(0), context.embeddingsOf(4));
      assert.strictEqual(context.embeddingsOf(1), 0);
      const features = (i: number): Set<number> => {
        const keys = new Int32Array(MAX_FEATURES);
        return new Set(keys.subarray(0, context.wordFeatures(i, keys, 0)));
      };
      const shared = (a: Set<number>, b: Set<number>): number => [...a].filter((key) => b.has(key)).length;
      // Same shape and length class: the words differ in their word, affix and (through the embeddings) cluster features.
      assert.ok(shared(features(0), features(2)) > shared(features(0), features(4)));
    });
  });
});
