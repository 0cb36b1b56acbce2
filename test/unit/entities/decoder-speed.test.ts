import * as assert from 'assert';
import * as fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { FeatureContext, GAZETTEER_BITS, MAX_FEATURES, NEIGHBOURS, NO_NEIGHBOUR, gazetteerFeatures, neighbourFeatures } from '../../../src/core/entities/features';
import { LowerCaseWords } from '../../../src/core/entities/lower-case-words';
import { readModel } from '../../../src/core/entities/model-file';
import { tokenize } from '../../../src/core/entities/tokenizer';
import { displayName, identityOfDisplay, nameIdentity } from '../../../src/core/entities/names';
import { TAG_COUNT } from '../../../src/core/entities/tags';
import { WeightTable } from '../../../src/core/entities/weights';
import { MODEL_FILE, SEED_ARRIVAL, SEED_MEETING, readSeed, recognizer } from './fixtures';

/** The keys the decoder sums for token `i`'s context, from its three parts (own, per neighbour, gazetteer), sorted. */
function decoderContextKeys(context: FeatureContext, i: number): number[] {
  const keys = new Int32Array(MAX_FEATURES);
  let n = context.ownContextFeatures(i, keys, 0);
  for (let neighbour = 0; neighbour < NEIGHBOURS; neighbour++) {
    const j = context.neighbourOf(i, neighbour);
    n += neighbourFeatures(neighbour, j !== NO_NEIGHBOUR, j === NO_NEIGHBOUR ? 0 : context.low[j] ?? 0, j === NO_NEIGHBOUR ? 0 : context.clustersOf(j), j === NO_NEIGHBOUR ? 0 : context.embeddingsOf(j), keys, n);
  }
  const gazetteer = context.gazetteer[i] ?? 0;
  for (let bit = 0; bit < GAZETTEER_BITS; bit++) if ((gazetteer >>> bit) & 1) n += gazetteerFeatures(bit, context.cased(i), keys, n);
  return [...keys.subarray(0, n)].sort((a, b) => a - b);
}

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

  it('WeightTable.addAllAt adds exactly what addAt adds for each key, with collisions, absent keys and repeats', () => {
    // Keys drawn from a small range collide in a 16-slot table, so probe runs cross occupied slots and wrap.
    const key = fc.integer({ min: 1, max: 40 });
    const row = fc.array(fc.integer({ min: -3, max: 3 }), { minLength: TAG_COUNT, maxLength: TAG_COUNT });
    const table = fc.uniqueArray(fc.tuple(key, row), { selector: ([k]) => k, maxLength: 11 }).map((rows) => WeightTable.fromRows(new Map(rows), 1000));
    fc.assert(
      fc.property(table, fc.array(key, { maxLength: 30 }), fc.integer({ min: 0, max: 2 }), (weights, keys, block) => {
        const offset = block * TAG_COUNT;
        const base = Int32Array.from({ length: TAG_COUNT * 3 }, (_, at) => at - 20);
        const expected = base.slice();
        for (const k of keys) weights.addAt(k, expected, offset);
        const actual = base.slice();
        weights.addAllAt(Int32Array.from(keys), keys.length, actual, offset);
        assert.deepStrictEqual([...actual], [...expected]);
      }),
      { numRuns: 1000 },
    );
  });

  it('identityOfDisplay(displayName(text)) is nameIdentity(text)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => identityOfDisplay(displayName(text)) === nameIdentity(text)),
    );
    assert.strictEqual(identityOfDisplay(displayName('The New York Times’s')), 'new york times');
  });

  it('displayName returns what the full normalisation returns, fast path or not', () => {
    const normalised = (text: string): string =>
      text.replace(/[\u2018\u2019\u201b]/gu, "'").replace(/[\u201c\u201d]/gu, '"').replace(/\s+/gu, ' ').trim().replace(/'s?$/u, '');
    const nameLike = fc.string({ unit: fc.constantFrom('K', 'i', 'm', ' ', '  ', "'", 's', '’', '“', '\u00a0', '\t', '-', '.') });
    fc.assert(fc.property(fc.oneof(nameLike, fc.string({ unit: 'grapheme' })), (text) => displayName(text) === normalised(text)));
  });

  it('LowerCaseWords answers exactly as the set of lower-case words the article pattern finds', () => {
    const pattern = /(?<![\p{L}\p{N}])\p{Ll}[\p{Ll}'’-]*/gu;
    const article = fc.string({ unit: fc.constantFrom('a', 'b', 'A', 'é', '1', ' ', '-', "'", '’', '.', '\n', '𝐚', 'ab') });
    fc.assert(
      fc.property(article, fc.array(fc.string({ unit: fc.constantFrom('a', 'b', 'é', '-', "'", '𝐚') }), { maxLength: 6 }), (text, asked) => {
        const expected = new Set(text.match(pattern) ?? []);
        // Looked up word by word (an article), and all collected at once (a text longer than the limit given).
        for (const words of [new LowerCaseWords(text), new LowerCaseWords(text, 0)]) {
          for (const word of [...expected, ...asked]) assert.strictEqual(words.has(word), expected.has(word), `${JSON.stringify(word)} in ${JSON.stringify(text)}`);
        }
      }),
    );
    for (const words of [new LowerCaseWords('Confirmation came. A well-known confirmation.'), new LowerCaseWords('Confirmation came. A well-known confirmation.', 0)]) {
      assert.deepStrictEqual([words.has('confirmation'), words.has('known'), words.has('well-known'), words.has('Confirmation')], [true, false, true, false]);
    }
  });

  it('splits the context features into the parts the decoder caches without losing or adding a key', () => {
    const model = readModel(new Uint8Array(readFileSync(MODEL_FILE)));
    const context = new FeatureContext();
    const words = fc.constantFrom('Kim', 'met', 'Putin', 'in', 'North', 'Korea', 'the', 'United', 'States', '.', ',', 'Photo', 'photo', 'IBM', '2,000', 'said', '\n');
    fc.assert(
      fc.property(fc.array(words, { minLength: 1, maxLength: 30 }), (list) => {
        const text = list.join(' ');
        const tokens = tokenize(text);
        context.prepare(text, tokens, { gazetteer: model.gazetteer, clusters: model.clusters, embeddings: model.embeddings });
        const keys = new Int32Array(MAX_FEATURES);
        for (let i = 0; i < tokens.count; i++) {
          const expected = [...keys.subarray(0, context.contextFeatures(i, keys, 0))].sort((a, b) => a - b);
          assert.deepStrictEqual(decoderContextKeys(context, i), expected);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('still tags a lower-case word inside a name, where an entity is open (the skip applies only outside one)', () => {
    const spans = recognizer().recognize('The Bank of England raised rates on Thursday.');
    assert.ok(spans.some((span) => span.text === 'Bank of England'), JSON.stringify(spans));
  });

  it('gives the same spans whatever was recognised before (no state leaks between documents through the caches)', () => {
    const texts = [readSeed(SEED_MEETING), readSeed(SEED_ARRIVAL), 'ROMANIA BEAT LITHUANIA\nRomania beat Lithuania 2-1 in Bucharest.'];
    const alone = texts.map((text) => JSON.stringify(recognizer().recognize(text)));
    for (let round = 0; round < 2; round++) {
      for (let i = texts.length - 1; i >= 0; i--) assert.strictEqual(JSON.stringify(recognizer().recognize(texts[i] ?? '')), alone[i]);
    }
  });
});
