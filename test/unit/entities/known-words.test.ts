import * as assert from 'assert';
import * as fc from 'fast-check';
import { Decoder } from '../../../src/core/entities/decoder';
import { FeatureContext, KNOWN_CLUSTERED, MAX_FEATURES } from '../../../src/core/entities/features';
import { Gazetteer } from '../../../src/core/entities/gazetteer';
import { KNOWN_BANDS, KnownWords } from '../../../src/core/entities/known-words';
import { Lexicon } from '../../../src/core/entities/lexicon';
import { checkModelHeader, readModel, writeModel } from '../../../src/core/entities/model-file';
import { TAG_O, TagPart, tagOf } from '../../../src/core/entities/tags';
import { tokenize } from '../../../src/core/entities/tokenizer';
import { TrainingDocument, trainPerceptron } from '../../../src/core/entities/trainer';
import { WeightTable } from '../../../src/core/entities/weights';
import { WordClusters, packClusters } from '../../../src/core/entities/word-clusters';
import { WordVectors } from '../../../src/core/entities/word-vectors';

function hashOf(word: string): number {
  const context = new FeatureContext();
  context.prepare(word, tokenize(word), undefined);
  return context.low[0] ?? 0;
}

/** A lexicon with `clustered` words in the embedding clusters and `known` (word → band) in a filter of 2^16 bits. */
function lexiconOf(clustered: readonly string[], known: ReadonlyMap<string, number>): Lexicon {
  const embeddings = WordClusters.build(new Map(clustered.map((word) => [hashOf(word), packClusters([0, 0, 0])])));
  return {
    gazetteer: Gazetteer.build([]),
    clusters: WordClusters.build(new Map()),
    embeddings,
    vectors: WordVectors.build(embeddings, new Map(), 0),
    known: KnownWords.build(new Map([...known].map(([word, band]) => [hashOf(word), band])), 1 << 16),
  };
}

/** The keys of every tag-independent feature of each token of `text` under `lexicon`. */
function featureKeys(text: string, lexicon: Pick<Lexicon, 'gazetteer' | 'clusters' | 'embeddings' | 'vectors'> & { known?: KnownWords | undefined }): number[][] {
  const context = new FeatureContext();
  const tokens = tokenize(text);
  context.prepare(text, tokens, lexicon.gazetteer, lexicon.clusters, lexicon.embeddings, lexicon.vectors, lexicon.known);
  const keys = new Int32Array(MAX_FEATURES);
  return Array.from({ length: tokens.count }, (_, i) => [...keys.subarray(0, context.staticFeatures(i, keys, 0))]);
}

/** A small deterministic generator of distinct 32-bit word hashes (xorshift), so the rates below never vary. */
function hashes(count: number, seed: number): number[] {
  let state = seed;
  const seen = new Set<number>();
  while (seen.size < count) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    if (state !== 0) seen.add(state | 0);
  }
  return [...seen];
}

describe('known words: the pre-trained vectors\' vocabulary as a Bloom filter', () => {
  it('holds every word it was built with in its band (no false negatives) and the same bits in any order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: KNOWN_BANDS })), { selector: ([low]) => low, maxLength: 300 }), (entries) => {
        const known = KnownWords.build(new Map(entries), 1 << 12);
        for (const [low, band] of entries) assert.ok(known.has(low, band));
        assert.deepStrictEqual(KnownWords.build(new Map([...entries].reverse()), 1 << 12).bits, known.bits);
      }),
      { numRuns: 100 },
    );
  });

  it('answers "inside" for words it does not hold about as often as its false-positive rate says', () => {
    const members = hashes(20000, 12345);
    const known = KnownWords.build(new Map(members.map((low, index) => [low, 1 + (index % KNOWN_BANDS)])), 1 << 18);
    const memberSet = new Set(members);
    const others = hashes(40000, 987654).filter((low) => !memberSet.has(low));
    const falsePositives = others.filter((low) => known.has(low, 1)).length / others.length;
    // 20,000 words, 3 probes, 2^18 bits: a fifth of the bits set, 0.8 % expected.
    assert.ok(known.falsePositiveRate > 0.004 && known.falsePositiveRate < 0.012, `rate ${known.falsePositiveRate}`);
    assert.ok(Math.abs(falsePositives - known.falsePositiveRate) < 0.003, `measured ${falsePositives}, expected ${known.falsePositiveRate}`);
    assert.strictEqual(KnownWords.none().has(members[0] ?? 0, 1), false);
    assert.strictEqual(KnownWords.none().bandOf(members[0] ?? 0), 0);
  });

  it('refuses a size that is not a power of two and a band outside 1…KNOWN_BANDS', () => {
    assert.throws(() => KnownWords.build(new Map(), 1000), /^Error: News Corpus: the known-word filter needs a power of two/);
    assert.throws(() => KnownWords.build(new Map([[5, KNOWN_BANDS + 1]]), 64), /^Error: News Corpus: a known word's band is 1 to 2, not 3\.$/);
  });

  it('travels through the model file unchanged, and a file without it reads as a filter that knows nothing', () => {
    const lexicon = lexiconOf(['the'], new Map([['atwood', 2], ['hartlepool', 1]]));
    const weights = WeightTable.fromRows(new Map([[7, [1]]]), 1);
    const bytes = writeModel({ weights, ...lexicon });
    const model = readModel(bytes);
    assert.deepStrictEqual(model.known.bits, lexicon.known.bits);
    assert.strictEqual(model.known.bandOf(hashOf('Atwood')), 2);
    assert.strictEqual(model.known.bandOf(hashOf('Hartlepool')), 1);
    assert.strictEqual(checkModelHeader(bytes).knownWords, (1 << 16) / 32);
    const without = readModel(writeModel({ weights, ...lexicon, known: KnownWords.none() }));
    assert.strictEqual(without.known.present, false);
    assert.throws(() => readModel(bytes.subarray(0, bytes.length - 4)), /^Error: News Corpus: the entity model file is corrupt/);
    const notPowerOfTwo = bytes.slice();
    new DataView(notPowerOfTwo.buffer).setUint32(40, 3, true);
    assert.throws(() => readModel(notPowerOfTwo), /^Error: News Corpus: the entity model file is corrupt/);
  });

  it('refuses a model of format 8 (before the filter), asking for a retrained model', () => {
    const bytes = writeModel({ weights: WeightTable.fromRows(new Map([[7, [1]]]), 1), ...lexiconOf([], new Map()) });
    const previous = bytes.slice();
    new DataView(previous.buffer).setUint32(4, 8, true);
    assert.throws(() => readModel(previous), /^Error: News Corpus: the entity model has format 8, this version reads 9; rebuild it with "npm run train"\.$/);
  });

  it('gives a token its band (clustered words their own), and no feature at all without a filter', () => {
    const lexicon = lexiconOf(['met'], new Map([['atwood', 2], ['hartlepool', 1]]));
    const context = new FeatureContext();
    const text = 'Atwood met Hartlepool and Zqxvy';
    const tokens = tokenize(text);
    context.prepare(text, tokens, lexicon.gazetteer, lexicon.clusters, lexicon.embeddings, lexicon.vectors, lexicon.known);
    assert.deepStrictEqual([0, 1, 2, 4].map((i) => context.knownBandOf(i)), [2, KNOWN_CLUSTERED, 1, 0]);
    const withFilter = featureKeys(text, lexicon);
    const withoutFilter = featureKeys(text, { ...lexicon, known: KnownWords.none() });
    assert.deepStrictEqual(featureKeys(text, { ...lexicon, known: undefined }), withoutFilter);
    // Two more keys a token: band × shape (a word feature), band × position (a context feature).
    withFilter.forEach((keys, i) => assert.strictEqual(keys.length - (withoutFilter[i]?.length ?? 0), 2, `token ${i}`));
    // Atwood and Hartlepool have the same shape and position class but not the same band: their band keys differ.
    const bandKeys = (i: number): number[] => (withFilter[i] ?? []).filter((key) => !(withoutFilter[i] ?? []).includes(key));
    assert.notDeepStrictEqual(bandKeys(0).slice(0, 1), bandKeys(2).slice(0, 1));
  });

  it('lets the trainer learn that a capitalised word the vocabulary knows is a person and one it does not is not', () => {
    // Invented words, each seen once: only the band tells the two kinds apart.
    const letters = 'bcdfghklmnprstvz';
    const word = (index: number): string => `${(letters[index % 16] ?? 'b').toUpperCase()}${letters[(index >> 4) % 16] ?? ''}o${letters[(index >> 8) % 16] ?? ''}a${letters[(index * 7) % 16] ?? ''}`;
    const words = Array.from({ length: 400 }, (_, index) => word(index * 37 + 11));
    const known = new Map(words.filter((_, index) => index % 2 === 0).map((w) => [w.toLowerCase(), 2]));
    const lexicon = lexiconOf([], known);
    const documents: TrainingDocument[] = words.slice(0, 300).map((w, index) => {
      const text = `Yesterday ${w} spoke to us.`;
      return { text, entities: index % 2 === 0 ? [{ start: 10, end: 10 + w.length, type: 'PER' as const }] : [] };
    });
    const decoder = new Decoder(readModel(writeModel({ weights: trainPerceptron(documents, lexicon, { epochs: 3 }), ...lexicon })));
    const tagOfWord = (w: string): number => {
      const text = `Yesterday ${w} spoke to us.`;
      return decoder.decode(text, tokenize(text))[1] ?? -1;
    };
    const unseen = words.slice(300);
    const right = unseen.filter((w, index) => tagOfWord(w) === (index % 2 === 0 ? tagOf(0, TagPart.Unit) : TAG_O)).length;
    assert.ok(right >= 0.9 * unseen.length, `${right} of ${unseen.length} right`);
  });
});
