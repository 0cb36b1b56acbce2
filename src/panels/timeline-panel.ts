import { panelTitle } from '../core/panels/panel-title';
import { countPerPeriod, pageStep, periodFilter } from '../core/panels/periods';
import { SeriesSpec, timelineData } from '../core/panels/timeline';
import { querySuggestions } from '../core/search/query-help';
import { exactEntityQuery } from '../core/search/query-parser';
import { PanelKind } from './panel-host';
import { PanelSources } from './panel-sources';

/** Series a timeline draws at most: more would be unreadable overlaid. */
const MAX_SERIES = 6;

/** What the Timeline keeps: the series drawn, and whether over the whole corpus rather than where they have anything. */
export interface TimelineState {
  readonly series: readonly SeriesSpec[];
  readonly whole?: boolean;
}

function specOf(value: unknown): SeriesSpec | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { kind, key, query, label } = value as Record<string, unknown>;
  if (typeof label !== 'string') return undefined;
  if (kind === 'entity' && typeof key === 'string') return { kind, key, label };
  if (kind === 'query' && typeof query === 'string' && query.trim() !== '') return { kind, query: query.trim(), label };
  return undefined;
}

function sameSeries(a: SeriesSpec, b: SeriesSpec): boolean {
  return a.kind === 'entity' ? b.kind === 'entity' && a.key === b.key : b.kind === 'query' && a.query === b.query;
}

/** The Timeline: mentions of entities and articles of queries per day, week or month, overlaid. */
export function timelinePanel(sources: PanelSources): PanelKind<TimelineState> {
  const { entities } = sources.deps;
  const searchOf = (spec: SeriesSpec) => {
    if (spec.kind === 'query') return spec.query;
    const summary = entities.summary(spec.key);
    return summary ? exactEntityQuery(summary.type, summary.name) : '';
  };
  /** An entity series as the corpus has it now: renamed or merged since it was added, by its key and name now. */
  const seriesNow = (spec: SeriesSpec): SeriesSpec => {
    if (spec.kind !== 'entity') return spec;
    const key = sources.keyNow(spec.key);
    return { kind: 'entity', key, label: entities.summary(key)?.name ?? spec.label };
  };
  return {
    viewType: 'newsCorpus.timeline',
    script: 'timeline.js',
    initialState: { series: [] },
    title: ({ series }) => panelTitle('Timeline', series.map((spec) => seriesNow(spec).label)),
    stateOf: (value) => {
      const { series, whole } = (value as { series?: unknown; whole?: unknown } | undefined) ?? {};
      if (!Array.isArray(series)) return undefined;
      const specs = series.flatMap((spec) => specOf(spec) ?? []).slice(0, MAX_SERIES);
      return whole === true ? { series: specs, whole } : { series: specs };
    },
    merge: (open, requested) => ({
      ...open,
      // As the corpus has them now: the Timeline of an entity renamed since it was drawn is the series it has already.
      series: [...open.series, ...requested.series.filter((spec) => !open.series.some((known) => sameSeries(seriesNow(known), seriesNow(spec))))].slice(-MAX_SERIES),
    }),
    data: ({ series, whole }) => {
      const data = timelineData(
        sources.datedSpan(),
        series.map(seriesNow),
        {
          entityArticles: (key) => entities.articles(key),
          entityMonths: (key) => entities.timeline(key),
          matching: (query) => sources.matching(query),
        },
        whole !== true,
      );
      return {
        ...data,
        periods: data.periods.map((period) => ({ ...period, filter: periodFilter(period) })),
        // A period the corpus has no article of is shaded: its zeros are no news going quiet (ux38).
        corpusArticles: countPerPeriod(data.periods, [...sources.articlesPerDay()].map(([date, count]) => ({ date, count }))),
        // A query read other than likely meant ("peson:Putin", "putin or kim") says what it likely meant, as the search box does.
        series: data.series.map((drawn) => {
          const [suggestion] = drawn.spec.kind === 'query' ? querySuggestions(drawn.spec.query, sources.deps.dates) : [];
          return { ...drawn, query: searchOf(drawn.spec), ...(suggestion && { suggestion }) };
        }),
        maxSeries: MAX_SERIES,
        pageStep: pageStep(data.granularity),
      };
    },
  };
}
