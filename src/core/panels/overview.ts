import { EntityType } from '../entities/types';
import { Period, countPerPeriod, periodOf, periodsBetween, rangeFilter } from './periods';

/**
 * Entities each top list of the overview shows.
 *
 * @example
 * topEntities(source, undefined, TOP_ENTITIES);
 */
export const TOP_ENTITIES = 10;

/** The types the overview lists, in order. */
const LISTED_TYPES: readonly EntityType[] = ['PER', 'LOC', 'ORG'];

/**
 * Entities of each type whose months are read at once while ranking a period: the walk by total mentions
 * stops at the first page whose entities cannot reach the list any more.
 *
 * @example
 * topEntities(source, range, TOP_ENTITIES, RANKING_PAGE);
 */
export const RANKING_PAGE = 100;

/**
 * An entity as the ranking walks them: its key, name, type and mentions in the whole corpus.
 *
 * @example
 * const kim: RankedEntity = { key: 'PER:kim jong-un', name: 'Kim Jong-un', type: 'PER', mentionCount: 10 };
 */
export interface RankedEntity {
  readonly key: string;
  readonly name: string;
  readonly type: EntityType;
  readonly mentionCount: number;
}

/**
 * What the top lists are read from: the entities of a type by mentions in the whole corpus, most first, a page
 * at a time, and an entity's mentions per month (`YYYY-MM`, dated articles only, so never more than its total).
 *
 * @example
 * const source: RankedEntitySource = {
 *   byMentions: (type, offset, limit) => directory.list({ type, sort: 'mentions', offset, limit }).entities,
 *   months: (key) => directory.timeline(key),
 * };
 */
export interface RankedEntitySource {
  byMentions(type: EntityType, offset: number, limit: number): readonly RankedEntity[];
  months(key: string): ReadonlyMap<string, number>;
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
 * files and its entities.
 *
 * @example
 * overviewData(['2023-09-12', undefined], 1, source);
 * // { articles: 2, undated: 1, skipped: 1, months: [{ period: { label: '2023-09', … }, count: 1 }], top: { PER: [kimRow], LOC: [], ORG: [] } }
 */
export function overviewData(dates: Iterable<string | undefined>, skipped: number, entities: RankedEntitySource): OverviewData {
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
  return { articles, undated, skipped, months: periods.map((period, at) => ({ period, count: counts[at] ?? 0 })), top: topEntities(entities) };
}

/**
 * Entities of each type that ranking a period reads at most, most mentioned in the whole corpus first. A short or
 * sparse period may leave its lists unfilled (or its last rows at one mention), where nothing stops the walk early:
 * at 100,000 articles it read every entity's months, each time the panel asked.
 *
 * @example
 * rankedTopEntities(source, range, { most: RANKING_LIMIT }).cut; // true when the walk stopped here, not because nothing after could rank
 */
export const RANKING_LIMIT = 300;

/**
 * The most mentioned entities of each listed type, over the whole corpus or within `range`; ties by name. See
 * {@link rankedTopEntities}, which also says whether a period's lists were cut.
 *
 * @example
 * topEntities(source, { from: '2023-10', to: '2023-12' }); // { PER: [], LOC: [], ORG: [] } when nobody is mentioned then
 */
export function topEntities(source: RankedEntitySource, range?: MonthRange, limit = TOP_ENTITIES, page = RANKING_PAGE): TopLists {
  return rankedTopEntities(source, range, { limit, page }).lists;
}

/**
 * The top lists of {@link topEntities}, and whether a period's were cut. The whole corpus's are its entities with
 * the most mentions (undated articles' included). A period's are found by walking the entities by their mentions
 * in the whole corpus, most first, until one has fewer than the last row of a full list (neither it nor any after
 * it can have more within the period) or {@link RANKING_LIMIT} have been read: then `cut` is true, and the lists
 * are the period's leaders among those. A period's leaders need not be among the corpus's (the first 100 overall
 * left a year's lists with entities of one mention).
 *
 * @example
 * rankedTopEntities(source, { from: '2023-10', to: '2023-12' }); // { lists: { PER: [], LOC: [], ORG: [] }, cut: false }
 */
export function rankedTopEntities(
  source: RankedEntitySource,
  range?: MonthRange,
  { limit = TOP_ENTITIES, page = RANKING_PAGE, most = RANKING_LIMIT }: { readonly limit?: number; readonly page?: number; readonly most?: number } = {},
): { lists: TopLists; cut: boolean } {
  const [people, places, organizations] = LISTED_TYPES.map((type) => (range === undefined ? { rows: topOfCorpus(source, type, limit), cut: false } : topOfPeriod(source, type, range, { limit, page, most })));
  return { lists: { PER: people?.rows ?? [], LOC: places?.rows ?? [], ORG: organizations?.rows ?? [] }, cut: [people, places, organizations].some((ranked) => ranked?.cut === true) };
}

function byMentionsThenName(a: TopEntity, b: TopEntity): number {
  return b.mentions - a.mentions || a.name.localeCompare(b.name);
}

function topOfCorpus(source: RankedEntitySource, type: EntityType, limit: number): TopEntity[] {
  // One more than the list, so that ties at its end are settled by name as a period's are.
  const rows = source.byMentions(type, 0, limit + 1).map(({ key, name, mentionCount }) => ({ key, name, type, mentions: mentionCount }));
  return rows.sort(byMentionsThenName).slice(0, limit);
}

function topOfPeriod(source: RankedEntitySource, type: EntityType, range: MonthRange, { limit, page, most }: { limit: number; page: number; most: number }): { rows: TopEntity[]; cut: boolean } {
  const rows: TopEntity[] = [];
  for (let offset = 0; offset < most; offset += page) {
    const entities = source.byMentions(type, offset, Math.min(page, most - offset));
    for (const { key, name, mentionCount } of entities) {
      const last = rows[limit - 1];
      // Strictly fewer: an entity with as many as the last row may still tie with it and come first by name.
      if (last !== undefined && mentionCount < last.mentions) return { rows, cut: false };
      let mentions = 0;
      for (const [month, count] of source.months(key)) if (month >= range.from && month <= range.to) mentions += count;
      if (mentions === 0) continue;
      rows.push({ key, name, type, mentions });
      rows.sort(byMentionsThenName);
      rows.length = Math.min(rows.length, limit);
    }
    if (entities.length < Math.min(page, most - offset)) return { rows, cut: false };
  }
  return { rows, cut: true };
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
