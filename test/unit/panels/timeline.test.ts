import * as assert from 'assert';
import { TimelineSource, timelineData } from '../../../src/core/panels/timeline';
import { parseQuery } from '../../../src/core/search/query-parser';

const KIM_ARTICLES = [
  { date: '2023-09-12', mentions: 3 },
  { date: '2023-09-14', mentions: 1 },
  { mentions: 5 },
];

/** A source whose query "wheat" has two articles on 2023-09-13 (and one undated); it refuses what the parser refuses. */
const source: TimelineSource = {
  entityArticles: (key) => (key === 'PER:kim' ? KIM_ARTICLES : []),
  entityMonths: (key) => new Map(key === 'PER:kim' ? [['2023-09', 4]] : []),
  matching: (query) => {
    const parsed = parseQuery(query);
    if (!parsed.ok) return { ok: false, error: parsed.error, offset: parsed.offset };
    return query === 'wheat' ? { ok: true, total: 3, days: new Map([['2023-09-13', 2]]) } : { ok: true, total: 0, days: new Map() };
  },
};

describe('timeline data', () => {
  it('draws entity mentions and query articles on the same bars, chosen from the span', () => {
    const data = timelineData({ first: '2023-09-12', last: '2023-09-14' }, [
      { kind: 'entity', key: 'PER:kim', label: 'Kim' },
      { kind: 'query', query: 'wheat', label: 'wheat' },
    ], source);
    assert.strictEqual(data.granularity, 'day');
    assert.deepStrictEqual(data.periods.map(({ label }) => label), ['2023-09-12', '2023-09-13', '2023-09-14']);
    assert.deepStrictEqual(data.series.map(({ unit, values, total }) => [unit, values, total]), [
      ['mentions', [3, 0, 1], 4],
      ['articles', [0, 2, 0], 2],
    ]);
  });

  it('buckets the days of a query into weeks and months, at the edges of a year', () => {
    const specs = [{ kind: 'query', query: 'new year', label: 'new year' }] as const;
    const days = new Map([['2023-12-31', 1], ['2024-01-01', 2], ['2024-02-29', 4]]);
    const yearEnd: TimelineSource = { ...source, matching: () => ({ ok: true, total: 7, days }) };
    const weeks = timelineData({ first: '2023-11-01', last: '2024-03-01' }, specs, yearEnd);
    assert.strictEqual(weeks.granularity, 'week');
    const nonZero = weeks.periods.flatMap((period, i) => ((weeks.series[0]?.values[i] ?? 0) > 0 ? [[period.label, weeks.series[0]?.values[i]]] : []));
    assert.deepStrictEqual(nonZero, [['2023-12-25', 1], ['2024-01-01', 2], ['2024-02-26', 4]]);
    const months = timelineData({ first: '2021-12-01', last: '2024-03-01' }, specs, yearEnd);
    assert.strictEqual(months.granularity, 'month');
    assert.deepStrictEqual(months.series[0]?.values.slice(24), [1, 2, 4, 0]);
  });

  it('reads an entity month by month over a long span', () => {
    const data = timelineData({ first: '2022-01-01', last: '2023-12-31' }, [{ kind: 'entity', key: 'PER:kim', label: 'Kim' }], source);
    assert.strictEqual(data.granularity, 'week');
    const long = timelineData({ first: '2021-01-01', last: '2023-12-31' }, [{ kind: 'entity', key: 'PER:kim', label: 'Kim' }], source);
    assert.strictEqual(long.granularity, 'month');
    assert.strictEqual(long.series[0]?.values[32], 4);
    assert.strictEqual(long.series[0]?.total, 4);
  });

  it("reports a malformed query with the parser's reason, without the product's name (the panel is the product's), instead of drawing it", () => {
    const [series] = timelineData({ first: '2023-09-12', last: '2023-09-14' }, [{ kind: 'query', query: '"open', label: 'x' }], source).series;
    assert.strictEqual(series?.error, 'the quote at position 1 is never closed; add a closing ".');
  });

  it('says why a query whose own dates leave no day is refused, as the search box does', () => {
    const query = 'tariff after:2023-05-01 before:2023-01-01';
    const [series] = timelineData({ first: '2023-01-01', last: '2023-12-31' }, [{ kind: 'query', query, label: query }], source).series;
    const parsed = parseQuery(query);
    assert.ok(!parsed.ok);
    assert.strictEqual(`News Corpus: ${series?.error}`, parsed.error);
    assert.match(series?.error ?? '', /^the date range is empty: after:2023-05-01 is later than before:2023-01-01/);
    assert.deepStrictEqual([series?.values, series?.total], [[], 0]);
  });

  it('fits the bars to where the series are: an entity\'s months, a query\'s days, at least a week, within the corpus', () => {
    const corpus = { first: '2004-01-01', last: '2024-12-31' };
    const kim = timelineData(corpus, [{ kind: 'entity', key: 'PER:kim', label: 'Kim' }], source, true);
    assert.deepStrictEqual([kim.granularity, kim.periods[0]?.first, kim.periods.at(-1)?.last, kim.series[0]?.total], ['day', '2023-09-01', '2023-09-30', 4]);
    const wheat = timelineData(corpus, [{ kind: 'query', query: 'wheat', label: 'wheat' }], source, true);
    assert.deepStrictEqual(wheat.periods.map(({ label }) => label), ['2023-09-10', '2023-09-11', '2023-09-12', '2023-09-13', '2023-09-14', '2023-09-15', '2023-09-16']);
    const atTheEnd = timelineData({ first: '2023-09-01', last: '2023-09-14' }, [{ kind: 'query', query: 'wheat', label: 'wheat' }], source, true);
    assert.deepStrictEqual([atTheEnd.periods[0]?.first, atTheEnd.periods.at(-1)?.last], ['2023-09-08', '2023-09-14'], 'never beyond the corpus: the week moves inward');
    const nothing = timelineData(corpus, [{ kind: 'query', query: 'oats', label: 'oats' }], source, true);
    assert.deepStrictEqual([nothing.granularity, nothing.periods.length], ['month', 252], 'nothing dated: the whole corpus');
    let searched = 0;
    timelineData(corpus, [{ kind: 'query', query: 'wheat', label: 'wheat' }], { ...source, matching: (query) => (searched++, source.matching(query)) }, true);
    assert.strictEqual(searched, 1, 'a query is searched once');
  });

  it('has no bars without dated articles', () => {
    assert.deepStrictEqual(timelineData(undefined, [{ kind: 'entity', key: 'PER:kim', label: 'Kim' }], source).periods, []);
  });
});
