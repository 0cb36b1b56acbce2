import { MonthRange, TopLists, monthRangeFilter, monthRangeOf, overviewData, topEntities } from '../core/panels/overview';
import { exactEntityQuery } from '../core/search/query-parser';
import { PanelKind } from './panel-host';
import { PanelSources } from './panel-sources';

/** What the Corpus Overview keeps: the brushed months, if any. */
export interface OverviewState {
  readonly range?: MonthRange;
}

function withQueries(lists: TopLists, range: MonthRange | undefined) {
  const filter = range === undefined ? '' : ` ${monthRangeFilter(range)}`;
  return Object.fromEntries(Object.entries(lists).map(([type, rows]) => [type, rows.map((row) => ({ ...row, query: `${exactEntityQuery(row.type, row.name)}${filter}` }))]));
}

/** The Corpus Overview: counts, articles per month (brushable) and the top lists of the brushed months. */
export function overviewPanel(sources: PanelSources): PanelKind<OverviewState> {
  return {
    viewType: 'newsCorpus.overview',
    script: 'overview.js',
    initialState: {},
    title: () => 'Corpus Overview',
    stateOf: (value) => {
      if (typeof value !== 'object' || value === null) return undefined;
      const range = monthRangeOf((value as { range?: unknown }).range);
      return range === undefined ? {} : { range };
    },
    data: ({ range }) => {
      const entities = sources.rankedEntities();
      const overview = overviewData(
        [...sources.deps.corpus.articles()].map(({ date }) => date),
        sources.deps.corpus.skippedCount,
        entities,
      );
      const top = range === undefined ? overview.top : topEntities(entities, range);
      return { ...overview, top: withQueries(top, range), rangeQuery: range === undefined ? '' : monthRangeFilter(range) };
    },
  };
}
