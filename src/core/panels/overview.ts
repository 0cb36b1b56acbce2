import { EntityType } from '../entities/types';
import { Period, countPerPeriod, periodOf, periodsBetween, rangeFilter } from './periods';

/**
 * Entities each top list of the overview shows.
 *
 * @example
 * topEntities(candidates, undefined, TOP_ENTITIES);
 */
export const TOP_ENTITIES = 10;

/** The types the overview lists, in order. */
const LISTED_TYPES: readonly EntityType[] = ['PER', 'LOC', 'ORG'];

/**
 * An entity that may appear in a top list, with its mentions per month (`YYYY-MM`).
 *
 * @example
 * const kim: EntityCandidate = { key: 'PER:kim jong-un', name: 'Kim Jong-un', type: 'PER', months: new Map([['2023-09', 9]]) };
 */
export interface EntityCandidate {
  readonly key: string;
  readonly name: string;
  readonly type: EntityType;
  readonly months: ReadonlyMap<string, number>;
}

/**
 * One row of a top list: the entity and its mentions in the period asked.
 *
 * @example
 * const row: TopEntity = { key: 'PER:kim jong-un', name: 'Kim Jong-un', type: 'PER', mentions: 9 };
 */
export interface TopEntity {
  readonly key: string;
  readonly name: string;
  readonly type: EntityType;
  readonly mentions: number;
}

/**
 * The most mentioned people (`PER`), places (`LOC`) and organizations (`ORG`).
 *
 * @example
 * const lists: TopLists = { PER: [kimRow], LOC: [], ORG: [] };
 */
export type TopLists = Readonly<Record<'PER' | 'LOC' | 'ORG', readonly TopEntity[]>>;

/**
 * A range of months, inclusive (`YYYY-MM`), as brushed on the histogram.
 *
 * @example
 * const autumn: MonthRange = { from: '2023-09', to: '2023-11' };
 */
export interface MonthRange {
  readonly from: string;
  readonly to: string;
}

/**
 * What the Corpus Overview panel shows first: counts, articles per month and the top lists of the whole corpus.
 *
 * @example
 * const data: OverviewData = { articles: 317, undated: 2, skipped: 5, months: [{ period, count: 12 }], top };
 */
export interface OverviewData {
  readonly articles: number;
  readonly undated: number;
  readonly skipped: number;
  readonly months: readonly { readonly period: Period; readonly count: number }[];
  readonly top: TopLists;
}

/**
 * The overview of a corpus from its article dates (undefined for undated articles), its number of skipped
 * files and the entities that may top a list.
 *
 * @example
 * overviewData(['2023-09-12', undefined], 1, [kim]);
 * // { articles: 2, undated: 1, skipped: 1, months: [{ period: { label: '2023-09', … }, count: 1 }], top: { PER: [kimRow], LOC: [], ORG: [] } }
 */
export function overviewData(dates: Iterable<string | undefined>, skipped: number, candidates: readonly EntityCandidate[]): OverviewData {
  let articles = 0;
  let undated = 0;
  // Counted by month straight away: a map of days cost a third of the overview at 100,000 articles.
  const perMonth = new Map<string, number>();
  for (const date of dates) {
    articles++;
    if (date === undefined) undated++;
    else perMonth.set(date.slice(0, 7), (perMonth.get(date.slice(0, 7)) ?? 0) + 1);
  }
  const months = [...perMonth.keys()].sort();
  const [first, last] = [months[0], months[months.length - 1]];
  const periods = first === undefined || last === undefined ? [] : periodsBetween(`${first}-01`, `${last}-01`, 'month');
  const counts = countPerPeriod(periods, [...perMonth].map(([month, count]) => ({ date: `${month}-01`, count })));
  return { articles, undated, skipped, months: periods.map((period, at) => ({ period, count: counts[at] ?? 0 })), top: topEntities(candidates) };
}

/**
 * The most mentioned entities of each listed type, over the whole corpus or within `range`; ties by name.
 *
 * @example
 * topEntities([kim], { from: '2023-10', to: '2023-12' }); // { PER: [], LOC: [], ORG: [] } when Kim has no mention then
 */
export function topEntities(candidates: readonly EntityCandidate[], range?: MonthRange, limit = TOP_ENTITIES): TopLists {
  const rows = candidates.flatMap(({ key, name, type, months }): TopEntity[] => {
    let mentions = 0;
    for (const [month, count] of months) if (range === undefined || (month >= range.from && month <= range.to)) mentions += count;
    return mentions > 0 ? [{ key, name, type, mentions }] : [];
  });
  rows.sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
  const [people, places, organizations] = LISTED_TYPES.map((type) => rows.filter((row) => row.type === type).slice(0, limit));
  return { PER: people ?? [], LOC: places ?? [], ORG: organizations ?? [] };
}

/**
 * The search-language filter for a brushed range of months.
 *
 * @example
 * monthRangeFilter({ from: '2023-09', to: '2024-02' }); // 'after:2023-08-31 before:2024-03-01'
 */
export function monthRangeFilter(range: MonthRange): string {
  return rangeFilter(`${range.from}-01`, periodOf(`${range.to}-01`, 'month').last);
}

/**
 * Reads a brushed range sent by a webview: two `YYYY-MM` months in order, or undefined.
 *
 * @example
 * monthRangeOf({ from: '2023-09', to: '2023-11' }); // { from: '2023-09', to: '2023-11' }
 * monthRangeOf({ from: '2023-11', to: '2023-09' }); // { from: '2023-09', to: '2023-11' }
 * monthRangeOf('2023');                             // undefined
 */
export function monthRangeOf(value: unknown): MonthRange | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { from, to } = value as { from?: unknown; to?: unknown };
  const month = /^\d{4}-(0[1-9]|1[0-2])$/;
  if (typeof from !== 'string' || typeof to !== 'string' || !month.test(from) || !month.test(to)) return undefined;
  return from <= to ? { from, to } : { from: to, to: from };
}
