import * as assert from 'assert';
import { SearchHit, SearchResponse } from '../../../src/core/search/corpus-index';
import { mergeResponses } from '../../../src/core/search/merge-responses';

function hit(path: string, score: number, date?: string): SearchHit {
  const base = { path, title: path, score, snippet: { text: '', start: 0, end: 0, matches: [] } };
  return date === undefined ? base : { ...base, date };
}

function ok(hits: SearchHit[], total = hits.length, tookMs = 1): SearchResponse {
  return { ok: true, hits, total, fuzzy: false, tookMs };
}

describe('mergeResponses', () => {
  it('ranks the hits of all folders together by score and adds up totals and times', () => {
    const merged = mergeResponses([ok([hit('a1', 5), hit('a2', 1)], 10, 2), ok([hit('b1', 3)], 4, 3)], { limit: 2 });
    assert.ok(merged.ok);
    assert.deepStrictEqual(merged.hits.map((entry) => entry.path), ['a1', 'b1']);
    assert.strictEqual(merged.total, 14);
    assert.strictEqual(merged.tookMs, 5);
  });

  it('breaks ties by date in the order asked for', () => {
    const responses = [ok([hit('old', 2, '2020-01-01')]), ok([hit('new', 2, '2023-01-01')])];
    const newest = mergeResponses(responses, { tieBreak: 'newest' });
    const oldest = mergeResponses(responses, { tieBreak: 'oldest' });
    assert.ok(newest.ok && oldest.ok);
    assert.deepStrictEqual(newest.hits.map((entry) => entry.path), ['new', 'old']);
    assert.deepStrictEqual(oldest.hits.map((entry) => entry.path), ['old', 'new']);
    assert.deepStrictEqual(mergeResponses(responses), newest, 'newest first unless told otherwise');
  });

  it('orders the hits of all folders by date alone when asked, the undated last, score breaking ties', () => {
    const responses = [ok([hit('best-old', 9, '2020-01-01'), hit('undated', 8)]), ok([hit('weak-new', 1, '2023-01-01'), hit('strong-new', 5, '2023-01-01')])];
    const newest = mergeResponses(responses, { order: 'date' });
    const oldest = mergeResponses(responses, { order: 'date', tieBreak: 'oldest' });
    assert.ok(newest.ok && oldest.ok);
    assert.deepStrictEqual(newest.hits.map((entry) => entry.path), ['strong-new', 'weak-new', 'best-old', 'undated']);
    assert.deepStrictEqual(oldest.hits.map((entry) => entry.path), ['best-old', 'strong-new', 'weak-new', 'undated']);
  });

  it('reports a malformed query once, with the time spent', () => {
    const error: SearchResponse = { ok: false, error: 'News Corpus: "unclosed', offset: 0, tookMs: 1 };
    assert.deepStrictEqual(mergeResponses([error, error]), { ...error, tookMs: 2 });
  });
});
