import * as assert from 'assert';
import { SearchHit, SearchResponse } from '../../../src/core/search/corpus-index';
import { RESULTS_PAGE_SIZE, ResultList, openingMatch, resultRows, stepResult } from '../../../src/core/search-workflow/result-list';
import { article, buildIndex } from '../search/fixtures';

function hits(count: number): SearchHit[] {
  return Array.from({ length: count }, (_, i) => ({ path: `a${i}.txt`, title: `A ${i}`, score: count - i, snippet: { text: '', start: 0, end: 0, matches: [] } }));
}

/** A fake index of `total` matching articles that records the limits it was asked for. */
function fakeIndex(total: number): { limits: number[]; run: (query: string, limit: number) => SearchResponse } {
  const limits: number[] = [];
  return { limits, run: (_query, limit) => (limits.push(limit), { ok: true, hits: hits(Math.min(limit, total)), total, fuzzy: false, tookMs: 0 }) };
}

describe('ResultList', () => {
  it('shows a first page of 200, then a page more each time, until all are shown', () => {
    const index = fakeIndex(450);
    const list = new ResultList('oil', index.run);
    assert.strictEqual(list.response, undefined);
    list.refresh();
    assert.strictEqual(list.hits.length, RESULTS_PAGE_SIZE);
    assert.ok(list.hasMore);
    list.showMore();
    assert.strictEqual(list.hits.length, 400);
    list.showMore();
    assert.strictEqual(list.hits.length, 450);
    assert.ok(!list.hasMore);
    assert.deepStrictEqual(index.limits, [200, 400, 600]);
  });

  it('keeps the pages shown when run again', () => {
    const index = fakeIndex(1000);
    const list = new ResultList('oil', index.run);
    list.refresh();
    list.showMore();
    list.refresh();
    assert.deepStrictEqual(index.limits, [200, 400, 400]);
  });

  it('has no hits and no more for a rejected query, and nothing while the corpus is indexed', () => {
    const rejected = new ResultList('after:2023-13', () => ({ ok: false, error: 'News Corpus: bad month', offset: 6, tookMs: 0 }));
    rejected.refresh();
    assert.deepStrictEqual(rejected.hits, []);
    assert.ok(!rejected.hasMore);
    const indexing = new ResultList('oil', () => undefined);
    assert.strictEqual(indexing.refresh(), undefined);
    assert.ok(!indexing.hasMore);
  });
});

describe('stepResult', () => {
  it('starts at the first going forward and at the last going back', () => {
    assert.strictEqual(stepResult(undefined, 5, 1), 0);
    assert.strictEqual(stepResult(undefined, 5, -1), 4);
  });

  it('steps and wraps around at both ends', () => {
    assert.strictEqual(stepResult(1, 5, 1), 2);
    assert.strictEqual(stepResult(4, 5, 1), 0);
    assert.strictEqual(stepResult(0, 5, -1), 4);
  });

  it('has nowhere to go in an empty list, and restarts from a position that is gone', () => {
    assert.strictEqual(stepResult(undefined, 0, 1), undefined);
    assert.strictEqual(stepResult(9, 3, 1), 0);
  });
});

describe('resultRows', () => {
  it('numbers hits in rank order, with one-line snippets and the first match', () => {
    const hit = { path: '/a.txt', title: 'A', date: '2023-01-02', score: 2, snippet: { text: 'oil\nprices  rose', start: 10, end: 26, matches: [{ start: 10, end: 13 }, { start: 14, end: 20 }] } };
    const bare = { path: '/b.txt', title: 'B', score: 1, snippet: { text: 'Kim', start: 17, end: 20, matches: [] } };
    assert.deepStrictEqual(resultRows([hit, bare]), [
      { ordinal: 0, path: '/a.txt', title: 'A', date: '2023-01-02', snippet: 'oil prices rose', match: { start: 10, end: 13 } },
      { ordinal: 1, path: '/b.txt', title: 'B', snippet: 'Kim', match: { start: 17, end: 17 } },
    ]);
  });
});

describe('openingMatch', () => {
  it('selects the match the snippet shows, where the query\'s words come together, not the article\'s first', () => {
    const text = article(
      '2020-01-03',
      'Qasem Soleimani led the Quds Force for more than twenty years.',
      `${'Officials in the region spoke about the attack at length. '.repeat(6)}`,
      'President Trump said Soleimani had been planning attacks.',
    );
    const index = buildIndex([{ path: '/news/strike.txt', text }]);
    const response = index.search('Soleimani Trump');
    assert.ok(response.ok);
    const [hit] = response.hits;
    assert.ok(hit);
    const second = text.indexOf('Soleimani', text.indexOf('Soleimani') + 1);
    assert.ok(hit.snippet.text.includes('Trump said Soleimani'), hit.snippet.text);
    assert.deepStrictEqual(openingMatch(hit.snippet), hit.snippet.matches[0]);
    assert.ok((hit.snippet.matches[0]?.start ?? 0) > text.indexOf('Soleimani'), 'a match of the snippet, after the article\'s first');
    assert.ok(hit.snippet.matches.some((match) => match.start === second));
    assert.deepStrictEqual(resultRows([hit])[0]?.match, openingMatch(hit.snippet));
  });
});
