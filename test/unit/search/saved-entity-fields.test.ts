import * as assert from 'assert';
import * as fc from 'fast-check';
import { ENTITY_TERM_PREFIX } from '../../../src/core/search/analyzed-batch';
import { CorpusIndex } from '../../../src/core/search/corpus-index';
import { Deferred } from '../../../src/core/search/deferred';
import { IndexIdentity, decodeIndex, decodeIndexSteps, encodeIndex, indexFileSections } from '../../../src/core/search/index-file';
import { entityCount, packCounts } from '../../../src/core/search/postings';
import { runAtOnce } from '../../../src/core/search/time-slices';
import { FixtureArticle, KnownEntity, analyzeText, article, buildIndex, fakeExtractor } from './fixtures';

const IDENTITY: IndexIdentity = { root: '/corpus', extractor: 'fake' };

const KNOWN: readonly KnownEntity[] = [
  { key: 'PER:vladimir putin', name: 'Vladimir Putin', type: 'PER', aliases: ['Putin'] },
  { key: 'PER:kim jong-un', name: 'Kim Jong-un', type: 'PER', aliases: ['Kim'] },
  { key: 'LOC:moscow', name: 'Moscow', type: 'LOC' },
  { key: 'ORG:bank of england', name: 'Bank of England', type: 'ORG' },
  { key: 'LOC:new york', name: 'New York', type: 'LOC' },
];
const WORDS = ['the', 'oil', 'prices', 'rose', 'bank', 'said', 'of', 'new', 'talks', 'york', 'markets'];

/** An article: random words, and entity names mentioned up to 20 times (past the 15 a posting's count holds). */
const articleText = fc
  .record({
    words: fc.array(fc.constantFrom(...WORDS), { maxLength: 30 }),
    named: fc.array(fc.record({ entity: fc.nat(KNOWN.length - 1), times: fc.integer({ min: 1, max: 20 }) }), { maxLength: 3 }),
    day: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ words, named, day }) => {
    const names = named.flatMap(({ entity, times }) => Array.from({ length: times }, () => `${KNOWN[entity]?.name ?? ''} spoke.`));
    return article(`2023-05-${String(day).padStart(2, '0')}`, `${words.join(' ')}.`, names.join(' '));
  });

const corpus: fc.Arbitrary<FixtureArticle[]> = fc.array(articleText, { minLength: 1, maxLength: 24 }).map((texts) => texts.map((text, i) => ({ path: `a${i}.txt`, text })));

function reopened(index: CorpusIndex, staged = false): CorpusIndex {
  const bytes = Buffer.concat(encodeIndex(index.parts(), IDENTITY));
  const decoded = runAtOnce(decodeIndexSteps(bytes, IDENTITY, { staged }));
  assert.ok(decoded.ok);
  return new CorpusIndex(decoded.parts);
}

/** The (term, mentions) pairs of `field` whose terms `keep` picks, in term order. */
function pairs(field: ArrayLike<number>, keep: (term: number) => boolean): number[][] {
  const found: number[][] = [];
  for (let i = 0; i + 1 < field.length; i += 2) if (keep(field[i] ?? 0)) found.push([field[i] ?? 0, field[i + 1] ?? 0]);
  return found.sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
}

/** What every reader of entities asks of an index, article by article and entity by entity. */
function entityAnswers(index: CorpusIndex, articles: readonly FixtureArticle[]): unknown {
  return {
    articles: articles.map(({ path }) => index.entitiesOf(path)),
    entities: KNOWN.map(({ key }) => ({ summary: index.entitySummary(key), articles: index.entityArticles(key), companions: index.companions(key, 3), timeline: [...index.entityTimeline(key)] })),
    searches: ['putin', 'person:Putin', 'org:"bank of england"', 'york', 'oil -kim'].map((query) => index.search(query, { limit: 50 })).map((response) => (response.ok ? response.hits.map(({ path, score }) => [path, score]) : response.error)),
  };
}

describe('entity fields made from the saved postings', () => {
  it('equal the fields stored as indexed, on random corpora: entity pairs exact, name words as the postings count them (property)', () => {
    fc.assert(
      fc.property(corpus, (articles) => {
        const built = buildIndex(articles, KNOWN);
        const loaded = reopened(built);
        const builtStore = built.parts().store;
        const loadedStore = loaded.parts().store;
        const terms = built.parts().dictionary.all();
        const isEntity = (term: number) => terms[term]?.startsWith(ENTITY_TERM_PREFIX) === true;
        for (let doc = 0; doc < builtStore.count; doc++) {
          const stored = builtStore.entityField(doc);
          assert.deepStrictEqual(pairs(loadedStore.entityField(doc), () => true), pairs(stored, isEntity), `entity pairs of ${doc}`);
          const clamped = pairs(stored, () => true).map(([term, count]) => [term ?? 0, isEntity(term ?? 0) ? (count ?? 0) : entityCount(packCounts(0, 0, count ?? 0))]);
          assert.deepStrictEqual(pairs(loadedStore.wholeEntityField(doc), () => true), clamped, `whole field of ${doc}`);
          assert.strictEqual(loadedStore.entityLen.array[doc], builtStore.entityLen.array[doc]);
        }
        assert.deepStrictEqual(entityAnswers(loaded, articles), entityAnswers(built, articles));
      }),
      { numRuns: 60 },
    );
  });

  it('survive compaction and a second save: removing and rewriting articles gives what the built index gives (property)', () => {
    fc.assert(
      fc.property(corpus, articleText, (articles, rewritten) => {
        const built = buildIndex(articles, KNOWN);
        const loaded = reopened(built);
        for (const index of [built, loaded]) {
          index.remove(articles[0]?.path ?? '');
          index.addBatch(analyzeText({ path: 'new.txt', size: 1, mtimeMs: 1 }, rewritten, fakeExtractor(KNOWN)));
          index.compactNow();
        }
        const paths = [...articles.slice(1), { path: 'new.txt', text: rewritten }];
        assert.deepStrictEqual(entityAnswers(loaded, paths), entityAnswers(built, paths));
        assert.deepStrictEqual(entityAnswers(reopened(loaded), paths), entityAnswers(built, paths), 'saved again');
      }),
      { numRuns: 40 },
    );
  });

  it('keep an entity\'s exact mentions past 15 in the file, where a posting\'s count stops at 15', () => {
    const text = article('2023-05-01', Array.from({ length: 23 }, () => 'Putin spoke.').join(' '));
    const built = buildIndex([{ path: 'a.txt', text }], KNOWN);
    const loaded = reopened(built);
    assert.deepStrictEqual(loaded.entitiesOf('a.txt'), [{ key: 'PER:vladimir putin', name: 'Vladimir Putin', type: 'PER', mentions: 23 }]);
    assert.strictEqual(loaded.entitySummary('PER:vladimir putin')?.mentionCount, 23);
    assert.deepStrictEqual(reopened(loaded).entitiesOf('a.txt'), built.entitiesOf('a.txt'), 'and again once saved from the loaded index');
  });

  it('lists an entity\'s articles and months with its exact mentions past 15, built or reopened', () => {
    const text = article('2023-05-01', Array.from({ length: 31 }, () => 'Putin spoke.').join(' '));
    const built = buildIndex([{ path: 'a.txt', text }, { path: 'b.txt', text: article('2023-05-02', 'Putin spoke.') }], KNOWN);
    for (const [index, which] of [[built, 'built'], [reopened(built), 'reopened']] as const) {
      assert.deepStrictEqual(
        index.entityArticles('PER:vladimir putin').map(({ path, mentions }) => ({ path, mentions })),
        [{ path: 'b.txt', mentions: 1 }, { path: 'a.txt', mentions: 31 }],
        which,
      );
      assert.deepStrictEqual(index.entityTimeline('PER:vladimir putin'), new Map([['2023-05', 32]]), which);
    }
  });

  it('counts an entity\'s mentions past 255 in one article, built and reopened, where they stopped at 255 (a card said 256 in all beside 1,772 here)', () => {
    const text = article('2023-05-01', Array.from({ length: 300 }, () => 'Putin spoke.').join(' '));
    const built = buildIndex([{ path: 'a.txt', text }, { path: 'b.txt', text: article('2023-05-02', 'Putin spoke.') }], KNOWN);
    for (const [index, which] of [[built, 'built'], [reopened(built), 'reopened']] as const) {
      assert.strictEqual(index.entitySummary('PER:vladimir putin')?.mentionCount, 301, which);
      assert.deepStrictEqual(index.entitiesOf('a.txt').map(({ mentions }) => mentions), [300], which);
      assert.deepStrictEqual(index.entityTimeline('PER:vladimir putin'), new Map([['2023-05', 301]]), which);
    }
  });

  it('orders an article\'s entities with equal mentions by term id, built or reopened', () => {
    const text = article('2023-05-01', 'Moscow and Kim, then Putin.');
    const built = buildIndex([{ path: 'a.txt', text }], KNOWN);
    assert.deepStrictEqual(reopened(built).entitiesOf('a.txt'), built.entitiesOf('a.txt'));
  });
});

describe('a staged reopen', () => {
  const articles = [0, 1, 2, 3].map((i) => ({ path: `s${i}.txt`, text: article(`2023-06-0${i + 1}`, `Putin met Kim in Moscow ${i}.`, 'Oil prices rose.') }));
  const built = buildIndex(articles, KNOWN);

  it('leaves the entity table for later, and answers as the eager load does, before and after the rest is decoded', async () => {
    const lazy = reopened(built, true);
    const eager = reopened(built);
    assert.deepStrictEqual(entityAnswers(lazy, articles), entityAnswers(eager, articles), 'the rest decoded when first needed');
    const background = reopened(built, true);
    await background.prepare(0);
    assert.deepStrictEqual(entityAnswers(background, articles), entityAnswers(eager, articles), 'the rest decoded in the background');
  });

  it('decodes the entity table in the background, pausing, and keeps a failure for every caller', () => {
    const bytes = Buffer.concat(encodeIndex(built.parts(), IDENTITY));
    const decoded = runAtOnce(decodeIndexSteps(bytes, IDENTITY, { staged: true }));
    assert.ok(decoded.ok);
    assert.ok(decoded.parts.entities instanceof Deferred, 'not decoded by the staged load');
    const entitySection = indexFileSections(bytes).find(({ info }) => info.name === 'entities');
    assert.ok(entitySection && entitySection.bytes.length > 0);
    let runs = 0;
    const failing = new Deferred<number>(
      (function* () {
        runs++;
        yield;
        throw new Error('News Corpus: broken.');
      })(),
    );
    assert.throws(() => failing.value(), /broken/);
    assert.throws(() => runAtOnce(failing.steps()), /broken/);
    assert.strictEqual(runs, 1);
    const eager = decodeIndex(bytes, IDENTITY);
    assert.ok(eager.ok && !(eager.parts.entities instanceof Deferred), 'decodeIndex decodes it all');
  });
});
