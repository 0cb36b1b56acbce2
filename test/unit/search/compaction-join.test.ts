import * as assert from 'assert';
import * as fc from 'fast-check';
import { BatchBuilder } from '../../../src/core/search/batch-builder';
import { compactSteps } from '../../../src/core/search/compaction';
import { CorpusIndex } from '../../../src/core/search/corpus-index';
import { DocStore } from '../../../src/core/search/doc-store';
import { ByteWriter, joinBytes } from '../../../src/core/search/byte-codec';
import { encodeIndex, indexFileSections } from '../../../src/core/search/index-file';
import { NO_PAIRS, PairRule } from '../../../src/core/search/pair-counter';
import { PairAnswers } from '../../../src/core/search/pair-answers';
import { MainPostings } from '../../../src/core/search/postings';
import { runAtOnce } from '../../../src/core/search/time-slices';
import { NEWS_ENTITIES, article, fakeExtractor } from './fixtures';

const encoder = new TextEncoder();
/** Chooses pairs in a few dozen articles: words in 10–90 % of them, pairs in at least 10 %. */
const SMALL_CORPUS_PAIRS: PairRule = { minWordShare: 0.1, maxWordShare: 0.9, minPairShare: 0.1 };
const TERMS = 30;

/** An article: word ids (body then title) and entity pairs (term, mentions). */
interface Ids {
  readonly body: number[];
  readonly title: number[];
  readonly field: [number, number][];
}

// Few words, so that some are in most articles and their pairs are chosen.
const idsOfArticle: fc.Arbitrary<Ids> = fc.record({
  body: fc.array(fc.nat(TERMS - 1), { maxLength: 25 }),
  title: fc.array(fc.nat(TERMS - 1), { maxLength: 4 }),
  field: fc.array(fc.tuple(fc.nat(TERMS - 1), fc.integer({ min: 1, max: 255 })), { maxLength: 4 }),
});

function append(store: DocStore, { body, title, field }: Ids): void {
  const tokens = Uint32Array.from([...body, ...title, ...field.flat()]);
  const doc = store.count;
  store.append(
    { path: `${doc}.txt`, title: '', size: 0, mtimeMs: 0, day: 0, bodyStart: 0, bodyTokens: body.length, titleTokens: title.length, entityPairs: field.length },
    tokens,
    0,
    tokens.length,
    encoder.encode('text'),
    0,
  );
}

function pairBytes(pairs: PairAnswers): Uint8Array {
  const writer = new ByteWriter();
  pairs.write(writer);
  return joinBytes(writer.finish());
}

function assertSame(actual: { postings: MainPostings; pairs: PairAnswers }, expected: { postings: MainPostings; pairs: PairAnswers }): void {
  assert.deepStrictEqual(actual.postings.offsets, expected.postings.offsets, 'offsets');
  assert.deepStrictEqual(actual.postings.docs, expected.postings.docs, 'documents');
  assert.deepStrictEqual(actual.postings.counts, expected.postings.counts, 'counts');
  assert.deepStrictEqual(pairBytes(actual.pairs), pairBytes(expected.pairs), 'pair answers');
}

/** The sections of the file `index` saves, without its header (which dates it). */
function savedSections(index: CorpusIndex): Uint8Array[] {
  const bytes = joinBytes(encodeIndex(index.parts(), { root: '/news', extractor: 'fake' }));
  return indexFileSections(bytes).map(({ bytes: section }) => section);
}

function batchOf(paths: readonly number[], words: readonly string[][]): ReturnType<BatchBuilder['finish']> {
  const builder = new BatchBuilder(fakeExtractor(NEWS_ENTITIES));
  for (const at of paths) {
    const text = article('2023-01-01', (words[at] ?? []).join(' ') + '.');
    builder.addText({ path: `${at}.txt`, size: text.length, mtimeMs: 1 }, text);
  }
  return builder.finish();
}

describe('compaction joining the postings it made before', () => {
  it('gives what compacting at once gives, for any articles compacted in any segments', () => {
    fc.assert(
      fc.property(
        fc.array(idsOfArticle, { maxLength: 40 }),
        fc.array(fc.nat(40), { maxLength: 4 }),
        fc.boolean(),
        (articles, cuts, counted) => {
          const ends = [...new Set(cuts.map((cut) => Math.min(cut, articles.length)))].sort((a, b) => a - b);
          const store = new DocStore();
          let compacted: { postings: MainPostings; docs: number } | undefined;
          for (const end of ends) {
            while (store.count < end) append(store, articles[store.count] as Ids);
            // Partial compactions choose no pair, as a first build's do.
            const made = runAtOnce(compactSteps(store, TERMS, undefined, NO_PAIRS, undefined, compacted));
            assert.strictEqual(made.store, store);
            compacted = { postings: made.postings, docs: store.count };
          }
          for (const ids of articles.slice(store.count)) append(store, ids);
          const sizes = counted ? runAtOnce(compactSteps(store, TERMS)).postings.offsets : undefined;
          const articlesWithTerm = sizes && Uint32Array.from({ length: TERMS }, (_, term) => (sizes[term + 1] ?? 0) - (sizes[term] ?? 0));
          const joined = runAtOnce(compactSteps(store, TERMS, undefined, SMALL_CORPUS_PAIRS, articlesWithTerm, compacted));
          assertSame(joined, runAtOnce(compactSteps(store, TERMS, undefined, SMALL_CORPUS_PAIRS)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads the articles again once one was removed, whose removal renumbers the rest', () => {
    const store = new DocStore();
    const words: Ids[] = Array.from({ length: 12 }, (_, doc) => ({ body: [doc % 5, (doc + 1) % 5, 7], title: [], field: [] }));
    words.slice(0, 8).forEach((ids) => append(store, ids));
    const first = runAtOnce(compactSteps(store, TERMS));
    words.slice(8).forEach((ids) => append(store, ids));
    store.remove('2.txt');
    const joined = runAtOnce(compactSteps(store, TERMS, undefined, SMALL_CORPUS_PAIRS, undefined, { postings: first.postings, docs: 8 }));
    assert.notStrictEqual(joined.store, store);
    assertSame(joined, runAtOnce(compactSteps(store, TERMS, undefined, SMALL_CORPUS_PAIRS)));
  });

  it("saves a first build's index byte for byte as compacting once does, for any batches and partial compactions", async () => {
    const vocabulary = ['rates', 'bank', 'oil', 'Putin', 'Moscow', 'talks', 'Kim', 'prices', 'the', 'of'];
    const articleWords = fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(fc.array(articleWords, { minLength: 1, maxLength: 30 }), fc.array(fc.boolean(), { maxLength: 30 }), async (words, compactAfter) => {
        const stepwise = new CorpusIndex();
        const atOnce = new CorpusIndex();
        for (let at = 0; at < words.length; at += 3) {
          const paths = Array.from({ length: Math.min(3, words.length - at) }, (_, i) => at + i);
          stepwise.addBatch(batchOf(paths, words), { defer: true });
          atOnce.addBatch(batchOf(paths, words), { defer: true });
          if (compactAfter[at / 3] === true) await stepwise.compact(0, { pairRule: NO_PAIRS });
        }
        await stepwise.compact(0, { releasePostings: true });
        atOnce.compactNow();
        assert.deepStrictEqual(savedSections(stepwise), savedSections(atOnce));
      }),
      { numRuns: 100 },
    );
  });
});
