import * as assert from 'assert';
import { CorpusIndex } from '../../../src/core/search/corpus-index';
import { MatchesPerDay, mergeMatchesPerDay } from '../../../src/core/search/matches-per-day';
import { NEWS, NEWS_ENTITIES, PUTIN, analyzeText, article, buildIndex, fakeExtractor } from './fixtures';

/** The days of a query's hits, counted from a full search: what matchesPerDay must agree with. */
function daysOfSearch(index: CorpusIndex, query: string): { total: number; days: Map<string, number> } {
  const response = index.search(query, { limit: 1000, fuzzyFallback: false });
  assert.ok(response.ok, query);
  const days = new Map<string, number>();
  for (const { date } of response.hits) if (date !== undefined) days.set(date, (days.get(date) ?? 0) + 1);
  return { total: response.total, days };
}

function counted(result: MatchesPerDay): { total: number; days: Map<string, number> } {
  assert.ok(result.ok);
  return { total: result.total, days: new Map(result.days) };
}

const QUERIES = ['rates', 'interest rates', '"interest rates"', 'rates -bank', 'wheat OR weapons', 'bank*', 'person:Putin', 'date:2023-09', 'rate* date:2022 OR date:2021', 'zebra'];

describe('CorpusIndex matchesPerDay', () => {
  const index = buildIndex(NEWS, NEWS_ENTITIES);

  it('counts the articles a query matches per day, undated ones in the total only', () => {
    const rates = counted(index.matchesPerDay('interest rates'));
    assert.strictEqual(rates.total, 3, 'rates.txt, summit.txt and undated.txt');
    assert.deepStrictEqual([...rates.days.values()].reduce((sum, count) => sum + count, 0), 2);
    assert.deepStrictEqual(counted(index.matchesPerDay('person:Putin')).days, new Map([['2023-09-12', 1], ['2023-09-13', 1]]));
  });

  it('agrees with search on words, phrases, OR, exclusions, prefixes, entities and dates', () => {
    for (const query of QUERIES) assert.deepStrictEqual(counted(index.matchesPerDay(query)), daysOfSearch(index, query), query);
  });

  it('sees added articles and forgets removed ones, before and after compaction', () => {
    const changed = buildIndex(NEWS, NEWS_ENTITIES);
    const text = article('2024-01-01', 'Putin on interest rates and zebra loans.');
    changed.addBatch(analyzeText({ path: 'new.txt', size: text.length, mtimeMs: 1 }, text, fakeExtractor([PUTIN])));
    changed.remove('rates.txt');
    for (const query of QUERIES) assert.deepStrictEqual(counted(changed.matchesPerDay(query)), daysOfSearch(changed, query), query);
    assert.deepStrictEqual(counted(changed.matchesPerDay('zebra')), { total: 1, days: new Map([['2024-01-01', 1]]) });
    changed.compactNow();
    for (const query of QUERIES) assert.deepStrictEqual(counted(changed.matchesPerDay(query)), daysOfSearch(changed, query), query);
  });

  it('does not retry as fuzzy, and says why a malformed query cannot run', () => {
    assert.deepStrictEqual(counted(index.matchesPerDay('wheet')), { total: 0, days: new Map() });
    const malformed = index.matchesPerDay('"unclosed');
    assert.ok(!malformed.ok);
    assert.match(malformed.error, /^News Corpus: /);
  });
});

describe('mergeMatchesPerDay', () => {
  it('adds up the folders day by day', () => {
    const merged = mergeMatchesPerDay([
      { ok: true, total: 3, days: new Map([['2023-09-13', 2]]) },
      { ok: true, total: 2, days: new Map([['2023-09-13', 1], ['2023-09-14', 1]]) },
    ]);
    assert.deepStrictEqual(counted(merged), { total: 5, days: new Map([['2023-09-13', 3], ['2023-09-14', 1]]) });
    assert.deepStrictEqual(counted(mergeMatchesPerDay([])), { total: 0, days: new Map() });
  });

  it('gives the first error', () => {
    const error = { ok: false, error: 'News Corpus: the quote is not closed', offset: 0 } as const;
    assert.deepStrictEqual(mergeMatchesPerDay([{ ok: true, total: 1, days: new Map() }, error]), error);
  });
});
