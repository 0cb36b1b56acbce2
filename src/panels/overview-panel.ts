import { MonthRange, RANKING_LIMIT, TopLists, monthRangeFilter, monthRangeOf, overviewData, rankedTopEntities } from '../core/panels/overview';
import { pageStep } from '../core/panels/periods';
import { exactEntityQuery } from '../core/search/query-parser';
import { PanelKind } from './panel-host';
import { PanelSources } from './panel-sources';

/** What the Corpus Overview keeps: the brushed months, if any. */
export interface OverviewState {
  readonly range?: MonthRange;
}

/**
 * The rows of the lists with the search of each, and the entity each is likely the same as, if any ("Trump" beside
 * Donald Trump; ux37: the Overview listed them apart without a word, where the Entities view's tooltips said it).
 */
function withQueries(lists: TopLists, range: MonthRange | undefined, likelyDuplicates: PanelSources['deps']['likelyDuplicates']) {
  const filter = range === undefined ? '' : ` ${monthRangeFilter(range)}`;
  return Object.fromEntries(
    Object.entries(lists).map(([type, rows]) => [
      type,
      rows.map((row) => {
        const pair = likelyDuplicates?.of(row.key);
        return { ...row, query: `${exactEntityQuery(row.type, row.name)}${filter}`, ...(pair && { sameAs: { name: pair.into.name, likely: pair.likely } }) };
      }),
    ]),
  );
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
      const ranked = range === undefined ? { lists: overview.top, cut: false } : rankedTopEntities(entities, range);
      // Said under the lists when the period's ranking stopped at its limit rather than where nothing after could rank.
      const rankedAmong = ranked.cut ? RANKING_LIMIT : undefined;
      return { ...overview, pageStep: pageStep('month'), top: withQueries(ranked.lists, range, sources.deps.likelyDuplicates), rangeQuery: range === undefined ? '' : monthRangeFilter(range), ...(rankedAmong === undefined ? {} : { rankedAmong }) };
    },
  };
}
