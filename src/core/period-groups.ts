import { MONTH_NAMES } from './iso-date';

/**
 * Lists longer than this are split into periods (years, then months, then days), so that no tree node
 * lists thousands of children.
 *
 * @example
 * periodChildren(articles, undefined, PERIOD_GROUP_THRESHOLD);
 */
export const PERIOD_GROUP_THRESHOLD = 50;

/** The group of the articles without a date, listed after the dated periods. */
export const UNDATED_PERIOD = 'undated';

/** What {@link periodName} calls {@link UNDATED_PERIOD}. */
const UNDATED_NAME = 'Undated';

/**
 * A period in words, as the views name it in labels and tooltips: "2023", "September 2023", "13 September 2023",
 * or "Undated".
 *
 * @example
 * periodName('2023-09');    // 'September 2023'
 * periodName('2023-09-13'); // '13 September 2023'
 */
export function periodName(period: string): string {
  if (period === UNDATED_PERIOD) return UNDATED_NAME;
  const [year, month, day] = period.split('-');
  const monthName = month === undefined ? undefined : (MONTH_NAMES[Number(month) - 1] ?? month);
  if (monthName === undefined) return year ?? period;
  return day === undefined ? `${monthName} ${year}` : `${Number(day)} ${monthName} ${year}`;
}

/** Lengths of a year, a month and a day in `YYYY-MM-DD`. */
const PERIOD_LENGTHS = [4, 7, 10] as const;

/**
 * A period (`YYYY`, `YYYY-MM`, `YYYY-MM-DD` or {@link UNDATED_PERIOD}) and how many articles fall in it.
 *
 * @example
 * const september: PeriodGroup = { period: '2023-09', count: 120 };
 */
export interface PeriodGroup {
  readonly period: string;
  readonly count: number;
}

/**
 * What a tree node for `period` (undefined: all the articles) shows: its articles, when there are at most
 * `threshold` or it is a day, else the next finer periods with their counts. Periods keep the order of
 * `articles` (give them newest first to list the latest period first); undated articles form one group.
 *
 * @example
 * periodChildren([{ date: '2023-09-13' }, { date: '2022-01-02' }], undefined, 1);
 * // { groups: [{ period: '2023', count: 1 }, { period: '2022', count: 1 }] }
 * periodChildren([{ date: '2023-09-13' }, { date: '2022-01-02' }], '2023', 1);
 * // { articles: [{ date: '2023-09-13' }] }
 */
export function periodChildren<T extends { readonly date?: string }>(
  articles: readonly T[],
  period: string | undefined,
  threshold = PERIOD_GROUP_THRESHOLD,
): { readonly groups: readonly PeriodGroup[] } | { readonly articles: readonly T[] } {
  const inPeriod = period === undefined ? articles : articles.filter((article) => inPeriodOf(article.date, period));
  const length = period === undefined ? 0 : period === UNDATED_PERIOD ? PERIOD_LENGTHS[2] : period.length;
  const finer = PERIOD_LENGTHS.find((candidate) => candidate > length);
  if (inPeriod.length <= threshold || finer === undefined) return { articles: inPeriod };
  const counts = new Map<string, number>();
  for (const { date } of inPeriod) {
    const key = date === undefined ? UNDATED_PERIOD : date.slice(0, finer);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const groups = [...counts].map(([key, count]) => ({ period: key, count }));
  // The undated group goes last whatever the order of the articles.
  return { groups: [...groups.filter((group) => group.period !== UNDATED_PERIOD), ...groups.filter((group) => group.period === UNDATED_PERIOD)] };
}

function inPeriodOf(date: string | undefined, period: string): boolean {
  return period === UNDATED_PERIOD ? date === undefined : date !== undefined && date.startsWith(period);
}
