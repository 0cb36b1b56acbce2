import * as assert from 'assert';
import { Corpus } from '../../../src/core/corpus';
import { EntityDirectory } from '../../../src/core/entity-directory';
import { parseQuery } from '../../../src/core/search/query-parser';
import { PanelSources } from '../../../src/panels/panel-sources';
import { timelinePanel } from '../../../src/panels/timeline-panel';

describe('Timeline panel data', () => {
  it("shows the query parser's reason for a query series whose own dates leave no day", () => {
    const corpus = new Corpus();
    corpus.reset([{ id: 'a', path: 'a.txt', title: 'Tariffs', date: '2023-03-01' }], []);
    const matchesPerDay = (query: string) => {
      const parsed = parseQuery(query);
      return parsed.ok ? { ok: true as const, total: 0, days: new Map<string, number>() } : { ok: false as const, error: parsed.error, offset: parsed.offset };
    };
    const timeline = timelinePanel(new PanelSources({ corpus, entities: {} as EntityDirectory, search: () => undefined, matchesPerDay }));
    const query = 'tariff after:2023-05-01 before:2023-01-01';
    const data = timeline.data({ series: [{ kind: 'query', query, label: query }] }) as { series: { error?: string }[] };
    assert.strictEqual(
      data.series[0]?.error,
      'the date range is empty: after:2023-05-01 is later than before:2023-01-01.',
    );
  });

  it('counts the corpus\'s articles of each period, so that the page shades the periods it has none of', () => {
    const corpus = new Corpus();
    const dated = (id: string, date: string) => ({ id, path: `${id}.txt`, title: 'Rates', date });
    corpus.reset([dated('a', '1987-02-26'), dated('b', '1987-03-02'), dated('c', '1987-03-20'), dated('d', '1987-06-01'), { id: 'e', path: 'e.txt', title: 'Undated' }], []);
    const matchesPerDay = () => ({ ok: true as const, total: 2, days: new Map([['1987-03-02', 1], ['1987-06-01', 1]]) });
    const timeline = timelinePanel(new PanelSources({ corpus, entities: {} as EntityDirectory, search: () => undefined, matchesPerDay }));
    const data = timeline.data({ series: [{ kind: 'query', query: 'rates', label: 'rates' }], whole: true }) as { granularity: string; periods: { label: string }[]; corpusArticles: number[] };
    assert.strictEqual(data.granularity, 'week');
    const byPeriod = data.periods.map(({ label }, at) => `${label} ${data.corpusArticles[at] ?? '-'}`);
    assert.deepStrictEqual(byPeriod.filter((line) => !line.endsWith(' 0')), ['1987-02-23 1', '1987-03-02 1', '1987-03-16 1', '1987-06-01 1']);
    assert.ok(byPeriod.includes('1987-04-06 0'), 'a week of no article is counted 0');
  });

  it('says of a query series what the user likely meant, as the search box does, and nothing of an entity series', () => {
    const corpus = new Corpus();
    corpus.reset([{ id: 'a', path: 'a.txt', title: 'Tariffs', date: '2023-03-01' }], []);
    const matchesPerDay = () => ({ ok: true as const, total: 0, days: new Map<string, number>() });
    const entities = { summary: () => ({ key: 'PER:vladimir putin', name: 'Vladimir Putin', type: 'PER', aliases: [], articleCount: 0, mentionCount: 0 }), articles: () => [], timeline: () => new Map() } as Partial<EntityDirectory> as EntityDirectory;
    const timeline = timelinePanel(new PanelSources({ corpus, entities, search: () => undefined, matchesPerDay }));
    const data = timeline.data({
      series: [
        { kind: 'query', query: 'peson:Putin', label: 'peson:Putin' },
        { kind: 'query', query: 'putin or kim', label: 'putin or kim' },
        { kind: 'query', query: 'putin', label: 'putin' },
        { kind: 'entity', key: 'PER:vladimir putin', label: 'Vladimir Putin' },
      ],
    }) as { series: { suggestion?: { label: string; query: string } }[] };
    assert.deepStrictEqual(
      data.series.map(({ suggestion }) => suggestion && `${suggestion.label}: ${suggestion.query}`),
      ['Did you mean: person:Putin', 'Either word: putin OR kim', undefined, undefined],
    );
  });

  it('draws where the series are unless asked for the whole corpus, and keeps that choice as series are added', () => {
    const corpus = new Corpus();
    corpus.reset([
      { id: 'a', path: 'a.txt', title: 'Old', date: '2004-01-05' },
      { id: 'b', path: 'b.txt', title: 'New', date: '2024-06-30' },
    ], []);
    const matchesPerDay = () => ({ ok: true as const, total: 2, days: new Map([['2023-09-12', 1], ['2023-10-20', 1]]) });
    const timeline = timelinePanel(new PanelSources({ corpus, entities: {} as EntityDirectory, search: () => undefined, matchesPerDay }));
    const series = [{ kind: 'query' as const, query: 'wheat', label: 'wheat' }];
    const spanOf = (data: unknown) => {
      const { periods } = data as { periods: { first: string; last: string }[] };
      return [periods[0]?.first, periods.at(-1)?.last];
    };
    assert.deepStrictEqual(spanOf(timeline.data({ series })), ['2023-09-12', '2023-10-20'], 'days from the first match to the last');
    assert.deepStrictEqual(spanOf(timeline.data({ series, whole: true })), ['2004-01-01', '2024-06-30'], 'months of the whole corpus');
    assert.deepStrictEqual(timeline.stateOf({ series, whole: true }), { series, whole: true });
    assert.deepStrictEqual(timeline.stateOf({ series, whole: 'yes' }), { series });
    const added = { kind: 'query' as const, query: 'corn', label: 'corn' };
    assert.deepStrictEqual(timeline.merge?.({ series, whole: true }, { series: [added] }), { series: [...series, added], whole: true });
  });

  it('draws an entity series under the key and name the entity has now, renamed or merged since it was added', () => {
    const corpus = new Corpus();
    corpus.reset([{ id: 'a', path: 'a.txt', title: 'Talks', date: '2023-09-12' }], []);
    const renamed = { key: 'PER:s. v. lavrov', name: 'S. V. Lavrov', type: 'PER' as const, aliases: ['Sergei Lavrov'], articleCount: 1, mentionCount: 2 };
    const asked: string[] = [];
    const entities = {
      summary: (key: string) => (key === renamed.key ? renamed : undefined),
      articles: (key: string) => (asked.push(key), [{ id: 'a', path: 'a.txt', title: 'Talks', date: '2023-09-12', mentions: 2 }]),
      timeline: (key: string) => (asked.push(key), new Map([['2023-09', 2]])),
    } as Partial<EntityDirectory> as EntityDirectory;
    const entityKeyNow = (key: string) => (key === 'PER:sergei lavrov' ? renamed.key : undefined);
    const timeline = timelinePanel(new PanelSources({ corpus, entities, search: () => undefined, matchesPerDay: () => ({ ok: true, total: 0, days: new Map() }), entityKeyNow }));
    const state = { series: [{ kind: 'entity' as const, key: 'PER:sergei lavrov', label: 'Sergei Lavrov' }] };
    const data = timeline.data(state) as { series: { spec: { key: string; label: string }; total: number }[] };
    assert.deepStrictEqual(data.series.map(({ spec, total }) => [spec.key, spec.label, total]), [['PER:s. v. lavrov', 'S. V. Lavrov', 2]]);
    assert.deepStrictEqual([...new Set(asked)], ['PER:s. v. lavrov']);
    assert.strictEqual(timeline.title(state), 'Timeline: S. V. Lavrov');
    assert.deepStrictEqual(timeline.merge?.(state, { series: [{ kind: 'entity', key: renamed.key, label: renamed.name }] }), state, 'the renamed entity is drawn already');
  });
});
