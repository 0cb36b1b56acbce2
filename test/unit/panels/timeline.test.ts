import * as assert from 'assert';
import { TimelineSource, timelineData } from '../../../src/core/panels/timeline';

const KIM_ARTICLES = [
  { date: '2023-09-12', mentions: 3 },
  { date: '2023-09-14', mentions: 1 },
  { mentions: 5 },
];

/** A source whose query "wheat" has two articles on 2023-09-13, listed or (`listing` false) only counted. */
function sourceOf(listing = true): TimelineSource {
  return {
    entityArticles: (key) => (key === 'PER:kim' ? KIM_ARTICLES : []),
    entityMonths: (key) => new Map(key === 'PER:kim' ? [['2023-09', 4]] : []),
    matching: (query) => {
      if (query.startsWith('"')) return undefined;
      if (query === 'wheat') return listing ? { total: 2, dates: ['2023-09-13', '2023-09-13'] } : { total: 2 };
      return { total: 0 };
    },
    countMatching: (query) => (query === 'wheat on:2023-09-13' ? 2 : 0),
  };
}
const source = sourceOf();

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

  it('counts a query with too many matches to list bar by bar, to the same values', () => {
    const specs = [{ kind: 'query', query: 'wheat', label: 'wheat' }] as const;
    const span = { first: '2023-09-12', last: '2023-09-14' };
    assert.deepStrictEqual(timelineData(span, specs, sourceOf(false)).series[0]?.values, [0, 2, 0]);
    assert.deepStrictEqual(timelineData(span, specs, sourceOf(true)).series[0]?.values, [0, 2, 0]);
  });

  it('reads an entity month by month over a long span', () => {
    const data = timelineData({ first: '2022-01-01', last: '2023-12-31' }, [{ kind: 'entity', key: 'PER:kim', label: 'Kim' }], source);
    assert.strictEqual(data.granularity, 'week');
    const long = timelineData({ first: '2021-01-01', last: '2023-12-31' }, [{ kind: 'entity', key: 'PER:kim', label: 'Kim' }], source);
    assert.strictEqual(long.granularity, 'month');
    assert.strictEqual(long.series[0]?.values[32], 4);
    assert.strictEqual(long.series[0]?.total, 4);
  });

  it('reports a malformed query instead of drawing it', () => {
    const [series] = timelineData({ first: '2023-09-12', last: '2023-09-14' }, [{ kind: 'query', query: '"open', label: 'x' }], source).series;
    assert.match(series?.error ?? '', /^News Corpus: /);
  });

  it('has no bars without dated articles', () => {
    assert.deepStrictEqual(timelineData(undefined, [{ kind: 'entity', key: 'PER:kim', label: 'Kim' }], source).periods, []);
  });
});
