import * as assert from 'assert';
import * as fc from 'fast-check';
import { BatchBuilder } from '../../../src/core/search/batch-builder';
import { compactSteps } from '../../../src/core/search/compaction';
import { CorpusIndex } from '../../../src/core/search/corpus-index';
import { DocStore } from '../../../src/core/search/doc-store';
import { NO_PAIRS } from '../../../src/core/search/pair-counter';
import { MainPostings } from '../../../src/core/search/postings';
import { TermArticleCounts } from '../../../src/core/search/term-article-counts';
import { runAtOnce } from '../../../src/core/search/time-slices';
import { FixtureArticle, NEWS, NEWS_ENTITIES, analyzeText, article, fakeExtractor } from './fixtures';

const encoder = new TextEncoder();

/** The postings of `index`'s articles as a compaction that reads every article for their sizes makes them. */
function recounted(index: CorpusIndex): MainPostings {
  const { store, dictionary } = index.parts();
  return runAtOnce(compactSteps(store, dictionary.size)).postings;
}

function assertSamePostings(actual: MainPostings, expected: MainPostings, what: string): void {
  assert.deepStrictEqual(actual.offsets, expected.offsets, `${what}: offsets`);
  assert.deepStrictEqual(actual.docs, expected.docs, `${what}: documents`);
  assert.deepStrictEqual(actual.counts, expected.counts, `${what}: counts`);
}

function deferred(index: CorpusIndex, articles: readonly FixtureArticle[]): void {
  const builder = new BatchBuilder(fakeExtractor(NEWS_ENTITIES));
  for (const { path, text } of articles) builder.addText({ path, size: text.length, mtimeMs: 1 }, text);
  index.addBatch(builder.finish(), { defer: true });
}

const many = (from: number, count: number): FixtureArticle[] =>
  Array.from({ length: count }, (_, i) => ({ path: `${from + i}.txt`, text: article('2023-01-01', `Article ${from + i} about rates w${(from + i) % 17} and Putin in Moscow.`) }));

/** An article: word ids (body then title) and entity pairs (term, mentions). */
interface Ids {
  readonly body: number[];
  readonly title: number[];
  readonly field: [number, number][];
}

const idsOfArticle: fc.Arbitrary<Ids> = fc.record({
  body: fc.array(fc.nat(40), { maxLength: 30 }),
  title: fc.array(fc.nat(40), { maxLength: 5 }),
  field: fc.array(fc.tuple(fc.nat(50), fc.integer({ min: 1, max: 255 })), { maxLength: 6 }),
});

describe('term article counts', () => {
  it('counts an article once for each distinct term of its words and entity field, and gives the counts up for good', () => {
    const counts = new TermArticleCounts();
    counts.addArticle(Uint32Array.of(3, 1, 3), Uint32Array.of(4, 2, 1, 5), 6);
    counts.addArticle(Uint32Array.of(3), Uint32Array.of(5000, 1), 6000);
    assert.deepStrictEqual([...(counts.sizes(6) ?? [])], [0, 1, 0, 2, 1, 0]);
    assert.strictEqual(counts.sizes(6000)?.[5000], 1, 'terms past the first room are counted too');
    assert.strictEqual(counts.sizes(7000)?.length, 7000);
    counts.forget();
    counts.addArticle(Uint32Array.of(3), new Uint32Array(0), 6);
    assert.strictEqual(counts.sizes(6), undefined);
  });

  it("sizes a compaction's postings as reading every article does, for any articles", () => {
    fc.assert(
      fc.property(fc.array(idsOfArticle, { maxLength: 25 }), (articles) => {
        const store = new DocStore();
        const counts = new TermArticleCounts();
        articles.forEach(({ body, title, field }, doc) => {
          const tokens = Uint32Array.from([...body, ...title, ...field.flat()]);
          store.append(
            { path: `${doc}.txt`, title: '', size: 0, mtimeMs: 0, day: 0, bodyStart: 0, bodyTokens: body.length, titleTokens: title.length, entityPairs: field.length },
            tokens,
            0,
            tokens.length,
            encoder.encode('text'),
            0,
          );
          const wordsEnd = body.length + title.length;
          counts.addArticle(tokens.subarray(0, wordsEnd), tokens.subarray(wordsEnd), 51);
        });
        const read = runAtOnce(compactSteps(store, 51)).postings;
        const counted = runAtOnce(compactSteps(store, 51, undefined, undefined, counts.sizes(51))).postings;
        assertSamePostings(counted, read, 'counted as added');
      }),
      { numRuns: 300 },
    );
  });

  it("makes a first build's postings as reading every article does, through partial compactions, and after a replaced or removed article", async () => {
    const index = new CorpusIndex();
    deferred(index, [...NEWS, ...many(0, 600)]);
    await index.compact(0, { pairRule: NO_PAIRS });
    deferred(index, many(600, 900));
    await index.compact(0, { releasePostings: true });
    assertSamePostings(index.parts().postings, recounted(index), 'deferred batches and two compactions');
    index.addBatch(analyzeText({ path: 'extra.txt', size: 1, mtimeMs: 1 }, article('2024-01-01', 'Zebra loans in Moscow.'), fakeExtractor(NEWS_ENTITIES)));
    await index.compact(0);
    assertSamePostings(index.parts().postings, recounted(index), 'an article added at once');

    // The replaced article's words and entities are not the new one's: its counts would be off by them.
    deferred(index, [{ path: '5.txt', text: article('2024-01-02', 'Okapi herds near the Kremlin, says Kim Jong-un.') }]);
    index.compactNow();
    assertSamePostings(index.parts().postings, recounted(index), 'a replaced article');

    const removing = new CorpusIndex();
    deferred(removing, [...NEWS, ...many(0, 300)]);
    assert.strictEqual(removing.remove('7.txt'), true);
    deferred(removing, many(300, 50));
    removing.compactNow();
    assertSamePostings(removing.parts().postings, recounted(removing), 'a removed article');
  });
});
