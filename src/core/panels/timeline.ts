import { DatedSpan } from '../corpus';
import { reasonOf } from '../messages';
import { MatchesPerDay } from '../search/matches-per-day';
import { Granularity, Period, addDays, chooseGranularity, countPerPeriod, daysBetween, periodOf, periodsBetween } from './periods';

/**
 * A series the Timeline panel draws: an entity's mentions (by key) or a query's matching articles.
 *
 * @example
 * const series: SeriesSpec[] = [{ kind: 'entity', key: 'PER:vladimir putin', label: 'Vladimir Putin' }, { kind: 'query', query: 'wheat', label: 'wheat' }];
 */
export type SeriesSpec = { readonly kind: 'entity'; readonly key: string; readonly label: string } | { readonly kind: 'query'; readonly query: string; readonly label: string };

/**
 * What a timeline reads from the corpus: an entity's dated articles with their mentions (and, cheaper, its
 * mentions per `YYYY-MM` month), and how many articles a query matches in all and per day (`YYYY-MM-DD`),
 * or the query parser's reason for refusing it.
 *
 * @example
 * const source: TimelineSource = {
 *   entityArticles: (key) => directory.articles(key),
 *   entityMonths: (key) => directory.timeline(key),
 *   matching: (query) => ({ ok: true, total: 3, days: new Map([['2023-09-12', 1], ['2023-09-14', 2]]) }),
 * };
 */
export interface TimelineSource {
  entityArticles(key: string): Iterable<{ readonly date?: string | undefined; readonly mentions: number }>;
  entityMonths(key: string): ReadonlyMap<string, number>;
  matching(query: string): MatchesPerDay;
}

/**
 * One drawn series: its values per period, their sum, and what they count.
 *
 * @example
 * const drawn: TimelineSeries = { spec, unit: 'mentions', values: [0, 3, 1], total: 4 };
 */
export interface TimelineSeries {
  readonly spec: SeriesSpec;
  readonly unit: 'mentions' | 'articles';
  readonly values: readonly number[];
  readonly total: number;
  /** Why the series has no values: the query parser's reason for refusing the query, without the product's name. */
  readonly error?: string;
}

/**
 * The Timeline panel's data: the bars (one length for all series) and each series' values.
 *
 * @example
 * const data: TimelineData = { granularity: 'month', periods: [september], series: [drawn] };
 */
export interface TimelineData {
  readonly granularity: Granularity;
  readonly periods: readonly Period[];
  readonly series: readonly TimelineSeries[];
}

/**
 * The series of `specs` over the corpus's dated span (`first`..`last`, `YYYY-MM-DD`), or with `fit` over the part
 * of it where the series have anything (see `fittedSpan`); bars chosen from its length; undefined span (no dated
 * article) gives no bars.
 *
 * @example
 * timelineData({ first: '2023-09-01', last: '2023-09-03' }, [{ kind: 'entity', key: 'PER:kim', label: 'Kim' }], source);
 * // { granularity: 'day', periods: [3 days], series: [{ unit: 'mentions', values: [0, 4, 1], total: 5, … }] }
 */
export function timelineData(span: DatedSpan | undefined, specs: readonly SeriesSpec[], source: TimelineSource, fit = false): TimelineData {
  // A query is searched once, though both the fitted span and its series read it.
  const matches = new Map<string, MatchesPerDay>();
  const once: TimelineSource = {
    entityArticles: (key) => source.entityArticles(key),
    entityMonths: (key) => source.entityMonths(key),
    matching: (query) => {
      let found = matches.get(query);
      if (found === undefined) {
        found = source.matching(query);
        matches.set(query, found);
      }
      return found;
    },
  };
  const shown = fit ? fittedSpan(span, specs, once) : span;
  if (shown === undefined) return { granularity: 'month', periods: [], series: specs.map((spec) => ({ spec, unit: unitOf(spec), values: [], total: 0 })) };
  const granularity = chooseGranularity(shown.first, shown.last);
  const periods = periodsBetween(shown.first, shown.last, granularity);
  return { granularity, periods, series: specs.map((spec) => seriesOf(spec, periods, granularity, once)) };
}

/** A span fitted to the series is at least this many days wide: one bar alone reads as no chart. */
const MIN_FITTED_DAYS = 7;

/**
 * The part of the corpus's dated `span` where the series of `specs` have anything: from the month of an entity's
 * first mention (or the day of a query's first matching article) to that of the last, at least
 * {@link MIN_FITTED_DAYS} wide and never beyond `span`. The span itself when they have nothing dated (or no span).
 * A corpus of twenty years drew an entity of one month as one bar among 240 (ux33).
 *
 * @example
 * fittedSpan({ first: '2004-01-01', last: '2024-12-31' }, [{ kind: 'entity', key: 'PER:kim', label: 'Kim' }], source);
 * // { first: '2023-09-01', last: '2023-09-30' } (Kim is mentioned in September 2023 only)
 */
function fittedSpan(span: DatedSpan | undefined, specs: readonly SeriesSpec[], source: TimelineSource): DatedSpan | undefined {
  if (span === undefined) return undefined;
  const days = specs.flatMap((spec) => {
    if (spec.kind === 'entity') return [...source.entityMonths(spec.key)].flatMap(([month, count]) => (count > 0 ? [`${month}-01`, periodOf(`${month}-01`, 'month').last] : []));
    const found = source.matching(spec.query);
    return found.ok ? [...found.days].flatMap(([day, count]) => (count > 0 ? [day] : [])) : [];
  });
  if (days.length === 0) return span;
  const earliest = days.reduce(minDate);
  const latest = days.reduce(maxDate);
  const widen = Math.max(0, MIN_FITTED_DAYS - 1 - daysBetween(earliest, latest));
  let first = addDays(earliest, -Math.floor(widen / 2));
  let last = addDays(latest, Math.ceil(widen / 2));
  // Widened past an end of the corpus, the week moves inward rather than shrink.
  if (first < span.first) {
    last = minDate(span.last, addDays(last, daysBetween(first, span.first)));
    first = span.first;
  }
  if (last > span.last) {
    first = maxDate(span.first, addDays(first, -daysBetween(span.last, last)));
    last = span.last;
  }
  return first <= last ? { first, last } : span;
}

const maxDate = (a: string, b: string): string => (a > b ? a : b);
const minDate = (a: string, b: string): string => (a < b ? a : b);

function unitOf(spec: SeriesSpec): TimelineSeries['unit'] {
  return spec.kind === 'entity' ? 'mentions' : 'articles';
}

function seriesOf(spec: SeriesSpec, periods: readonly Period[], granularity: Granularity, source: TimelineSource): TimelineSeries {
  if (spec.kind === 'entity') {
    const values =
      granularity === 'month'
        ? countPerPeriod(periods, [...source.entityMonths(spec.key)].map(([month, count]) => ({ date: `${month}-01`, count })))
        : countPerPeriod(periods, [...source.entityArticles(spec.key)].map(({ date, mentions }) => ({ date, count: mentions })));
    return { spec, unit: 'mentions', values, total: sum(values) };
  }
  const found = source.matching(spec.query);
  // The parser's own reason (an unclosed quote, an empty date range), as the search box shows it: "not a valid
  // query" left the user guessing which part was wrong. Without "News Corpus: ", which read oddly inside its own panel.
  if (!found.ok) return { spec, unit: 'articles', values: [], total: 0, error: reasonOf(found.error) };
  const values = countPerPeriod(periods, [...found.days].map(([date, count]) => ({ date, count })));
  return { spec, unit: 'articles', values, total: sum(values) };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

