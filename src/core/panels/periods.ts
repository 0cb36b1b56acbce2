/**
 * A span of days (`YYYY-MM-DD`), each end inclusive and optional, as a date filter gives it.
 *
 * @example
 * const bounds: DayBounds = { from: '2023-09-01' }; // from September 2023 on
 */
export interface DayBounds {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

/**
 * The length of a chart's bars: one day, one week (Monday to Sunday) or one calendar month.
 *
 * @example
 * const granularity: Granularity = 'week';
 */
export type Granularity = 'day' | 'week' | 'month';

/**
 * One bar of a chart: its first and last day (`YYYY-MM-DD`, inclusive), and its label — the day, the
 * Monday of the week, or `YYYY-MM`.
 *
 * @example
 * const september: Period = { label: '2023-09', first: '2023-09-01', last: '2023-09-30' };
 */
export interface Period {
  readonly label: string;
  readonly first: string;
  readonly last: string;
}

/** Spans up to this many days are shown day by day… */
const MAX_DAY_SPAN = 92;
/** …up to this many week by week; longer ones month by month. */
const MAX_WEEK_SPAN = 2 * 366;
const MS_PER_DAY = 86_400_000;

function utcOf(date: string): Date {
  return new Date(`${date.slice(0, 10)}T00:00:00Z`);
}

function isoOf(time: Date): string {
  return time.toISOString().slice(0, 10);
}

/**
 * The day `days` after `date` (before it when negative).
 *
 * @example
 * addDays('2024-02-28', 2); // '2024-03-01'
 */
export function addDays(date: string, days: number): string {
  return isoOf(new Date(utcOf(date).getTime() + days * MS_PER_DAY));
}

function monthEnd(month: string): string {
  const [year, index] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return isoOf(new Date(Date.UTC(year, index, 0)));
}

function nextMonth(month: string): string {
  const [year, index] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return index === 12 ? `${String(year + 1).padStart(4, '0')}-01` : `${month.slice(0, 4)}-${String(index + 1).padStart(2, '0')}`;
}

/**
 * The bar length for dates from `first` to `last`: days up to about three months, weeks up to two years,
 * months beyond, so that a chart has between a few and a few hundred bars.
 *
 * @example
 * chooseGranularity('2023-09-01', '2023-09-30'); // 'day'
 * chooseGranularity('2020-01-01', '2023-12-31'); // 'month'
 */
export function chooseGranularity(first: string, last: string): Granularity {
  const span = daysBetween(first, last);
  if (span <= MAX_DAY_SPAN) return 'day';
  return span <= MAX_WEEK_SPAN ? 'week' : 'month';
}

/**
 * How many days `last` is after `first`.
 *
 * @example
 * daysBetween('2023-09-01', '2023-09-30'); // 29
 */
export function daysBetween(first: string, last: string): number {
  return Math.round((utcOf(last).getTime() - utcOf(first).getTime()) / MS_PER_DAY);
}

/**
 * How many bars a chart's Page Up and Page Down move its keyboard cursor: the next larger calendar unit than a
 * bar (a week of days, four weeks, a year of months), so a page lands on the same weekday, about the same day of
 * the month, or the same month of the neighbouring year, as a date picker's Page Up does. Arrows alone took some
 * 160 presses to cross fourteen years of months.
 *
 * @example
 * pageStep('month'); // 12
 * pageStep('day');   // 7
 */
export function pageStep(granularity: Granularity): number {
  return granularity === 'month' ? 12 : granularity === 'week' ? 4 : 7;
}

/**
 * The bar that holds `date` (`YYYY-MM-DD`). Weeks start on Monday, so one may straddle two months or years.
 *
 * @example
 * periodOf('2024-01-03', 'week');  // { label: '2024-01-01', first: '2024-01-01', last: '2024-01-07' }
 * periodOf('2023-12-31', 'week');  // { label: '2023-12-25', first: '2023-12-25', last: '2023-12-31' }
 * periodOf('2024-02-10', 'month'); // { label: '2024-02', first: '2024-02-01', last: '2024-02-29' }
 */
export function periodOf(date: string, granularity: Granularity): Period {
  const day = date.slice(0, 10);
  if (granularity === 'day') return { label: day, first: day, last: day };
  if (granularity === 'month') return { label: day.slice(0, 7), first: `${day.slice(0, 7)}-01`, last: monthEnd(day.slice(0, 7)) };
  const monday = addDays(day, -((utcOf(day).getUTCDay() + 6) % 7));
  return { label: monday, first: monday, last: addDays(monday, 6) };
}

/**
 * Every bar from the one holding `first` to the one holding `last`, gaps included, in order.
 *
 * @example
 * periodsBetween('2023-11-15', '2024-01-02', 'month').map((period) => period.label); // ['2023-11', '2023-12', '2024-01']
 */
export function periodsBetween(first: string, last: string, granularity: Granularity): Period[] {
  const periods: Period[] = [];
  const end = periodOf(last, granularity).label;
  for (let period = periodOf(first, granularity); ; ) {
    periods.push(period);
    if (period.label >= end) return periods;
    period = periodOf(granularity === 'month' ? `${nextMonth(period.label)}-01` : addDays(period.last, 1), granularity);
  }
}

/**
 * Counts per bar: `periods` (in order, as {@link periodsBetween} gives them) and dated values; values outside
 * every bar or undated are left out.
 *
 * @example
 * countPerPeriod(periodsBetween('2023-12-30', '2024-01-01', 'day'), [{ date: '2023-12-31', count: 2 }]); // [0, 2, 0]
 */
export function countPerPeriod(periods: readonly Period[], values: Iterable<{ readonly date?: string | undefined; readonly count: number }>): number[] {
  const counts = periods.map(() => 0);
  for (const { date, count } of values) {
    if (date === undefined) continue;
    const at = periodIndex(periods, date);
    if (at !== -1) counts[at] = (counts[at] ?? 0) + count;
  }
  return counts;
}

/** Binary search for the bar holding `date`, or -1. */
function periodIndex(periods: readonly Period[], date: string): number {
  let low = 0;
  let high = periods.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const period = periods[middle];
    if (!period) return -1;
    if (date < period.first) high = middle - 1;
    else if (date > period.last) low = middle + 1;
    else return middle;
  }
  return -1;
}

/**
 * The search-language filter that finds a bar's articles: `on:` a day, `date:` a month, `after:`/`before:` a week.
 *
 * @example
 * periodFilter({ label: '2023-09', first: '2023-09-01', last: '2023-09-30' }); // 'date:2023-09'
 * periodFilter(periodOf('2024-01-03', 'week')); // 'after:2023-12-31 before:2024-01-08'
 */
export function periodFilter(period: Period): string {
  if (period.first === period.last) return `on:${period.first}`;
  if (period.label.length === 7) return `date:${period.label}`;
  return rangeFilter(period.first, period.last);
}

/**
 * The search-language filter for the days from `first` to `last`, inclusive.
 *
 * @example
 * rangeFilter('2023-01-01', '2023-03-31'); // 'after:2022-12-31 before:2023-04-01'
 */
export function rangeFilter(first: string, last: string): string {
  return openRangeFilter({ from: first, to: last });
}

/**
 * The search-language filter for the days from `from` to `to`, inclusive, either end optional (none: '').
 *
 * @example
 * openRangeFilter({ from: '2023-01-01' }); // 'after:2022-12-31'
 * openRangeFilter({ from: '2023-01-01', to: '2023-03-31' }); // 'after:2022-12-31 before:2023-04-01'
 */
export function openRangeFilter({ from, to }: DayBounds): string {
  return [from === undefined ? '' : `after:${addDays(from, -1)}`, to === undefined ? '' : `before:${addDays(to, 1)}`].filter((part) => part !== '').join(' ');
}
