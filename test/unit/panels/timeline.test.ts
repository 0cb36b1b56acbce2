import * as assert from 'assert';
import { TimelineSource, timelineData } from '../../../src/core/panels/timeline';

const source: TimelineSource = {
  entityArticles: (key) =>
    key === 'PER:kim'
      ? [
          { date: '2023-09-12', mentions: 3 },
          { date: '2023-09-14', mentions: 1 },
          { mentions: 5 },
        ]
      : [],
  countMatching: (query) => {
    if (query.startsWith('"')) return undefined;
    return query === 'wheat' ? 2 : query === 'wheat on:2023-09-13' ? 2 : 0;
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

  it('reports a malformed query instead of drawing it', () => {
    const [series] = timelineData({ first: '2023-09-12', last: '2023-09-14' }, [{ kind: 'query', query: '"open', label: 'x' }], source).series;
    assert.match(series?.error ?? '', /^News Corpus: /);
  });

  it('has no bars without dated articles', () => {
    assert.deepStrictEqual(timelineData(undefined, [{ kind: 'entity', key: 'PER:kim', label: 'Kim' }], source).periods, []);
  });
});
