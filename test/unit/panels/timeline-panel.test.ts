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
});
