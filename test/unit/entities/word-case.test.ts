import * as assert from 'assert';
import { FeatureContext, MAX_FEATURES } from '../../../src/core/entities/features';
import { Gazetteer } from '../../../src/core/entities/gazetteer';
import { checkModelHeader, readModel, writeModel } from '../../../src/core/entities/model-file';
import { tokenize } from '../../../src/core/entities/tokenizer';
import { WeightTable } from '../../../src/core/entities/weights';
import { CASE_BUCKETS, WordCase, caseBucket } from '../../../src/core/entities/word-case';
import { WordClusters } from '../../../src/core/entities/word-clusters';
import { WordVectors } from '../../../src/core/entities/word-vectors';

function hashOf(word: string): number {
  const context = new FeatureContext();
  context.prepare(word, tokenize(word));
  return context.low[0] ?? 0;
}

/** A model file whose only lexicon is the word-case table of `buckets` (word → bucket). */
function modelWith(buckets: ReadonlyMap<string, number>): Uint8Array {
  const embeddings = WordClusters.build(new Map());
  return writeModel({
    weights: WeightTable.fromRows(new Map([[7, Float64Array.of(1, 0)]]), 1),
    gazetteer: Gazetteer.build([]),
    clusters: WordClusters.build(new Map()),
    embeddings,
    vectors: WordVectors.build(embeddings, new Map(), 0),
    wordCase: WordCase.build(new Map([...buckets].map(([word, bucket]) => [hashOf(word), bucket]))),
  });
}

describe('word case from unlabeled text', () => {
  it('buckets the share of capitalised mid-sentence occurrences', () => {
    assert.deepStrictEqual(
      [caseBucket(0, 40), caseBucket(1, 40), caseBucket(2, 40), caseBucket(19, 40), caseBucket(20, 40), caseBucket(37, 40), caseBucket(38, 40), caseBucket(40, 40)],
      [1, 1, 2, 2, 3, 3, 4, 4],
    );
    assert.strictEqual(CASE_BUCKETS, 5);
  });

  it('travels through the model file, a byte per slot after the vectors', () => {
    const bytes = modelWith(new Map([['melbourne', 4], ['division', 1], ['park', 2]]));
    const sizes = checkModelHeader(bytes);
    assert.strictEqual(sizes.caseSlots, 16);
    const model = readModel(bytes);
    assert.deepStrictEqual(['Melbourne', 'division', 'Park', 'Zanzibar'].map((word) => model.wordCase.lookup(hashOf(word))), [4, 1, 2, 0]);
    assert.strictEqual(model.wordCase.size, 3);
    // The same table twice gives the same bytes: the model file stays reproducible.
    assert.deepStrictEqual(modelWith(new Map([['park', 2], ['division', 1], ['melbourne', 4]])), bytes);
  });

  it('refuses a model file whose length does not match its word-case table', () => {
    const bytes = modelWith(new Map([['melbourne', 4]]));
    assert.throws(() => checkModelHeader(bytes.subarray(0, bytes.byteLength - 4)), /^Error: News Corpus: the entity model file is corrupt/);
  });

  it('gives a word and its neighbours features by the bucket, whatever the document writes', () => {
    const keysOf = (buckets: ReadonlyMap<string, number>, i: number): Set<number> => {
      const text = 'They met in Melbourne today.';
      const context = new FeatureContext();
      context.prepare(text, tokenize(text), readModel(modelWith(buckets)));
      const keys = new Int32Array(MAX_FEATURES);
      return new Set(keys.subarray(0, context.staticFeatures(i, keys, 0)));
    };
    const differing = (i: number, a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number => [...keysOf(a, i)].filter((key) => !keysOf(b, i).has(key)).length;
    const name = new Map([['melbourne', 4]]);
    const word = new Map([['melbourne', 1]]);
    // The same text: only the table's bucket for "melbourne" differs, so only the case features do.
    assert.ok(differing(3, name, word) >= 3, 'the word itself: its bucket, with its shape, with its position');
    assert.strictEqual(differing(4, name, word), 1, 'the next word: its previous word\'s bucket');
    assert.strictEqual(differing(2, name, word), 1, 'the previous word: its next word\'s bucket');
    assert.ok(differing(3, name, new Map()) > 0, 'a word the table does not hold has a bucket of its own');
    assert.strictEqual(differing(0, name, word), 0, 'two words away: nothing');
  });
});
