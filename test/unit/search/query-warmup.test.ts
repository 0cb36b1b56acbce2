import * as assert from 'assert';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import * as fc from 'fast-check';
import { BatchBuilder } from '../../../src/core/search/batch-builder';
import { CorpusIndex, SearchOptions } from '../../../src/core/search/corpus-index';
import { decodeIndex, encodeIndex } from '../../../src/core/search/index-file';
import { WARMUP_SHARES, closingWarmUpQuery, warmUpQueries, warmUpSteps } from '../../../src/core/search/query-warmup';
import { runAtOnce } from '../../../src/core/search/time-slices';
import { IndexService, WarmUpOutcome } from '../../../src/workers/index-service';
import { listArticleFiles } from '../../../src/workers/list-files';
import { NEWS, NEWS_ENTITIES, article, buildIndex, fakeExtractor } from './fixtures';

/** Words that make frequent and rare words, pairs and phrases likely. */
const WORDS = ['interest', 'rates', 'rose', 'bank', 'england', 'crude', 'prices', 'wheat', 'harvest', 'exports', 'summit', 'talks'];
/** A word of its own for each article (letters only, as the warm-up's words are): one that few articles hold. */
const ownWord = (at: number): string => `only${[...String(at)].map((digit) => 'abcdefghij'[Number(digit)]).join('')}`;
/** Queries of every kind, asked with and without a warm-up before them. */
const QUERY_KINDS = (word: string, other: string): string[] => [word, `${word} ${other}`, `"${word} ${other}"`, `${word.slice(0, 3)}*`, `${word}~`, `${word} -${other}`, `${word} OR ${other}`, `after:2023-09-12 ${word}`];
const OPTIONS: SearchOptions = { limit: 50 };

/** The index of `articles` saved and loaded again: coded texts and postings decoded when first read, as after a reopen. */
function reopened(articles: readonly { path: string; text: string }[]): CorpusIndex {
  const identity = { root: '/news', extractor: 'none' };
  const decoded = decodeIndex(Buffer.concat(encodeIndex(buildIndex(articles).parts(), identity)), identity);
  assert.ok(decoded.ok);
  return new CorpusIndex(decoded.parts);
}

function answers(index: CorpusIndex, queries: readonly string[]): unknown[] {
  return queries.map((query) => {
    const response = index.search(query, OPTIONS);
    return { ...response, tookMs: 0 };
  });
}


/** An index that stores its pairs' phrase checks, of four articles: "interest rates" in three, "crude prices" and "rates rose" in two. */
function storedPairsIndex(): CorpusIndex {
  const bodies = ['interest rates rose sharply', 'crude prices fell as interest rates rose', 'wheat harvest talks', 'interest rates and crude prices'];
  const stored = new CorpusIndex(undefined, { minWordShare: 0, maxWordShare: 1, minPairShare: 0 });
  const builder = new BatchBuilder(fakeExtractor([]));
  bodies.forEach((body, at) => {
    const text = article('2023-09-13', `Title ${at}`, body);
    builder.addText({ path: `${at}.txt`, size: text.length, mtimeMs: 1 }, text);
  });
  stored.addBatch(builder.finish(), { defer: true });
  stored.compactNow();
  return stored;
}

describe('query warm-up', () => {
  it("makes its queries of the index's own words: one of each kind the query language has, none failing", () => {
    const index = buildIndex(NEWS, NEWS_ENTITIES);
    const queries = warmUpQueries(index, WARMUP_SHARES[0] ?? 0);
    assert.ok(queries.length >= 10, queries.join(' | '));
    for (const pattern of [/\*$/, /~$/, / -/, / OR /, /^"/, /^(person|place|org):/, /^date:/, /^after:/, /^before:/, /^on:/]) {
      assert.ok(queries.some((query) => pattern.test(query)), `no query like ${pattern}: ${queries.join(' | ')}`);
    }
    for (const query of queries) assert.ok(index.search(query, OPTIONS).ok, query);
    assert.deepStrictEqual(warmUpQueries(new CorpusIndex(), 0.05), []);
  });

  it('asks for a phrase of a pair of words whose check the index stored, at each share, when it stores any', () => {
    const stored = storedPairsIndex();
    const phrases = new Set(stored.storedPairs().map(([first, second]) => `"${first} ${second}"`));
    assert.ok(phrases.size > 0);
    for (const share of WARMUP_SHARES) {
      const queries = warmUpQueries(stored, share);
      assert.ok(queries.some((query) => phrases.has(query)), `no stored pair's phrase at ${share}: ${queries.join(' | ')}`);
      for (const query of queries) assert.ok(stored.search(query, OPTIONS).ok, query);
    }
  });

  it('ends with the phrase of the stored pair whose rarer word the most articles hold', () => {
    const stored = storedPairsIndex();
    assert.ok(stored.storedPairs().some(([first, second]) => first === 'crude' && second === 'prices'));
    assert.strictEqual(closingWarmUpQuery(stored), '"interest rates"');
    const asked: string[] = [];
    const search = stored.search.bind(stored);
    stored.search = (query, options) => {
      asked.push(String(query));
      return search(query, options);
    };
    const ran = runAtOnce(warmUpSteps(stored));
    assert.strictEqual(asked.length, ran);
    assert.strictEqual(asked[asked.length - 1], '"interest rates"');
    assert.deepStrictEqual(asked.slice(0, -1), WARMUP_SHARES.flatMap((share) => warmUpQueries(stored, share)));
    assert.strictEqual(closingWarmUpQuery(new CorpusIndex()), undefined);
  });

  it('runs one query a step, pausing before each, and says how many it ran', () => {
    const index = buildIndex(NEWS, NEWS_ENTITIES);
    const expected = WARMUP_SHARES.reduce((sum, share) => sum + warmUpQueries(index, share).length, 0) + (closingWarmUpQuery(index) === undefined ? 0 : 1);
    const steps = warmUpSteps(index);
    let pauses = 0;
    let step = steps.next();
    while (!step.done) {
      pauses++;
      step = steps.next();
    }
    assert.strictEqual(step.value, expected);
    assert.strictEqual(pauses, expected);
  });

  it('leaves every answer and the index as they were (fast-check: the same queries with and without a warm-up first)', () => {
    const articleArbitrary = fc.array(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 80 }), { minLength: 1, maxLength: 14 });
    fc.assert(
      fc.property(articleArbitrary, fc.constantFrom(...WORDS), fc.constantFrom(...WORDS), (bodies, word, other) => {
        const articles = bodies.map((words, at) => ({ path: `${at}.txt`, text: article(`2023-09-${String(10 + (at % 5)).padStart(2, '0')}`, `Title ${at}`, `${words.join(' ')} ${ownWord(at)} ${words[0] ?? ''}`) }));
        const cold = reopened(articles);
        const warmed = reopened(articles);
        runAtOnce(warmUpSteps(warmed));
        assert.ok(warmUpQueries(warmed, WARMUP_SHARES[0] ?? 0).length > 0, 'no warm-up query');
        const queries = [...QUERY_KINDS(word, other), ...QUERY_KINDS(ownWord(0), word)];
        assert.deepStrictEqual(answers(warmed, queries), answers(cold, queries));
        assert.strictEqual(warmed.articleCount, cold.articleCount);
        assert.strictEqual(warmed.termCount, cold.termCount);
        for (const { path, text } of articles) assert.strictEqual(warmed.article(path)?.text, text);
      }),
      { numRuns: 40 },
    );
  });
});

describe('IndexService warm-up', function () {
  this.timeout(60_000);
  let dir: string;

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'news-corpus-warmup-'));
    for (let i = 0; i < 40; i++) {
      const words = WORDS.filter((_, at) => (i + at) % 3 !== 0).join(' ');
      writeFileSync(path.join(dir, `${String(i).padStart(3, '0')}.txt`), article(`2023-09-${String(10 + (i % 9)).padStart(2, '0')}`, `Report ${i}`, `${words} ${ownWord(i % 8)} ${ownWord(i % 5)}.`));
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** A service over `dir`; `warmedUp` gives its warm-up's outcome, `heard` lists every outcome it told. */
  function service(warmUp: boolean, warmUpSliceMs?: number): { service: IndexService; warmedUp: Promise<WarmUpOutcome>; heard: WarmUpOutcome[] } {
    const heard: WarmUpOutcome[] = [];
    let resolve: (outcome: WarmUpOutcome) => void = () => undefined;
    const warmedUp = new Promise<WarmUpOutcome>((settle) => (resolve = settle));
    const onWarmUp = (outcome: WarmUpOutcome) => {
      heard.push(outcome);
      resolve(outcome);
    };
    return { service: new IndexService({ root: dir, extractor: { kind: 'none' }, workers: 1, warmUp, onWarmUp, ...(warmUpSliceMs === undefined ? {} : { warmUpSliceMs }) }), warmedUp, heard };
  }

  /** Counts `index`'s searches from now on, each with the event loop turns counted before it (see {@link turns}). */
  function countSearches(index: CorpusIndex): { readonly turnsAt: number[]; userSearch: () => void; readonly afterUser: () => number } {
    const search = index.search.bind(index);
    const turnsAt: number[] = [];
    let user = false;
    let afterUser = 0;
    index.search = (query, options) => {
      if (user) afterUser++;
      else turnsAt.push(turns);
      return search(query, options);
    };
    return { turnsAt, userSearch: () => (user = true), afterUser: () => afterUser };
  }

  /** Event loop turns since the suite started, counted by an interval timer. */
  let turns = 0;
  let ticker: ReturnType<typeof setInterval> | undefined;
  before(() => (ticker = setInterval(() => turns++, 0)));
  after(() => clearInterval(ticker));

  it('warms up once the build is done, giving the event loop turns, with answers unchanged', async () => {
    const { service: warm, warmedUp } = service(true);
    const plain = service(false).service;
    try {
      await plain.open(listArticleFiles(dir));
      await warm.open(listArticleFiles(dir));
      const { turnsAt } = countSearches(warm.index);
      const outcome = await warmedUp;
      assert.strictEqual(outcome.stopped, false);
      assert.ok((outcome.queries ?? 0) > 20, `${outcome.queries} queries`);
      assert.strictEqual(turnsAt.length, outcome.queries);
      assert.ok((turnsAt.at(-1) ?? 0) > (turnsAt[0] ?? 0), 'the warm-up never gave the event loop a turn');
      const queries = QUERY_KINDS('interest', 'wheat');
      assert.deepStrictEqual(answers(warm.index, queries), answers(plain.index, queries));
    } finally {
      await warm.dispose();
      await plain.dispose();
    }
  });

  it('stops at the first search: the search is answered at once and the warm-up runs no query after it', async () => {
    // A turn of the event loop after every query: with its 4 ms slices, a fast machine ran this small index's whole
    // warm-up in one slice, before the search could come (a failure under no fault of the code).
    const { service: warm, warmedUp, heard } = service(true, 0);
    try {
      await warm.open(listArticleFiles(dir));
      const searches = countSearches(warm.index);
      while (searches.turnsAt.length < 3 && heard.length === 0) await new Promise((resolve) => setImmediate(resolve));
      searches.userSearch();
      assert.ok(warm.search('interest', OPTIONS).ok);
      const outcome = await warmedUp;
      assert.strictEqual(outcome.stopped, true);
      assert.strictEqual(outcome.queries, undefined);
      assert.strictEqual(searches.afterUser(), 1, 'only the user search ran after it');
    } finally {
      await warm.dispose();
    }
  });

  it('does not start when the user has searched first, nor without being asked for', async () => {
    const early = service(true);
    const off = service(false);
    try {
      await off.service.open(listArticleFiles(dir));
      await early.service.open(listArticleFiles(dir));
      const searches = countSearches(early.service.index);
      searches.userSearch();
      early.service.search('wheat', OPTIONS);
      // Disposing waits for what is queued, the warm-up included.
      await early.service.dispose();
      await off.service.dispose();
      assert.deepStrictEqual(early.heard.map(({ queries, stopped }) => ({ queries, stopped })), [{ queries: undefined, stopped: true }]);
      assert.strictEqual(searches.afterUser(), 1, 'the warm-up ran a query');
      assert.deepStrictEqual(off.heard, []);
    } finally {
      await early.service.dispose();
      await off.service.dispose();
    }
  });
});
