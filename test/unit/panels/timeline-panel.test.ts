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
});
