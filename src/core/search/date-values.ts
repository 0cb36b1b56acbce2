import { daysInMonth } from '../iso-date';

/**
 * The `YYYYMMDD` number of an undated article; no date range contains it.
 *
 * @example
 * dayNumber(undefined) === UNDATED; // true
 */
export const UNDATED = 0;

/** An inclusive range of `YYYYMMDD` numbers. */
interface DayRange {
  readonly from: number;
  readonly to: number;
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * Converts `YYYY-MM-DD` to the `YYYYMMDD` number the index sorts and filters by; anything else is {@link UNDATED}.
 *
 * @example
 * dayNumber('2023-09-13'); // 20230913
 * dayNumber(undefined);    // 0
 */
export function dayNumber(date: string | undefined): number {
  if (date === undefined || date.length !== 10) return UNDATED;
  const value = Number(date.slice(0, 4) + date.slice(5, 7) + date.slice(8, 10));
  return Number.isInteger(value) ? value : UNDATED;
}

/**
 * Converts a `YYYYMMDD` number back to `YYYY-MM-DD`, or `undefined` for {@link UNDATED}.
 *
 * @example
 * dayString(20230913); // '2023-09-13'
 */
export function dayString(day: number): string | undefined {
  if (day === UNDATED) return undefined;
  const text = String(day);
  return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
}

/**
 * Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as the range of days it covers, or a reason it is not a date.
 *
 * @example
 * partialDateRange('2023-09'); // { ok: true, range: { from: 20230901, to: 20230930 } }
 * partialDateRange('2023-02-30'); // { ok: false, reason: '2023-02 has 28 days, not 30' }
 */
export function partialDateRange(text: string): { ok: true; range: DayRange } | { ok: false; reason: string } {
  const match = PARTIAL_DATE.exec(text);
  // The caller's message names the text before the reason ("after:yesterday — not a date; …"), so it is not quoted again.
  if (!match) return { ok: false, reason: 'not a date; write YYYY, YYYY-MM or YYYY-MM-DD' };
  const year = Number(match[1]);
  if (year === 0) return { ok: false, reason: 'year 0000 does not exist' };
  if (match[2] === undefined) return { ok: true, range: { from: year * 10000 + 101, to: year * 10000 + 1231 } };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return { ok: false, reason: `month ${match[2]} is not between 01 and 12` };
  const days = daysInMonth(year, month);
  const monthStart = year * 10000 + month * 100;
  if (match[3] === undefined) return { ok: true, range: { from: monthStart + 1, to: monthStart + days } };
  const day = Number(match[3]);
  if (day < 1 || day > days) return { ok: false, reason: `${year}-${match[2]} has ${days} days, not ${day}` };
  return { ok: true, range: { from: monthStart + day, to: monthStart + day } };
}

/** Parts the two ends of a range as other tools write one (`1987-03-01..1987-03-31`), which no filter takes. */
const RANGE_SEPARATOR = '..';

/**
 * The `after:` and `before:` values that let through the days of a range written `from..to` (either end `YYYY`,
 * `YYYY-MM` or `YYYY-MM-DD`): both filters are strict, so they name the day before its first and the day after its
 * last. Undefined for anything else.
 *
 * @example
 * strictBounds('1987-03-01..1987-03-31'); // { after: '1987-02-28', before: '1987-04-01' }
 * strictBounds('1987-03');                // undefined
 */
export function strictBounds(text: string): { readonly after: string; readonly before: string } | undefined {
  const [from, to, ...more] = text.split(RANGE_SEPARATOR);
  if (from === undefined || to === undefined || more.length > 0) return undefined;
  const first = partialDateRange(from.trim());
  const last = partialDateRange(to.trim());
  if (!first.ok || !last.ok) return undefined;
  const after = dayString(previousDay(first.range.from));
  const before = dayString(nextDay(last.range.to));
  return after === undefined || before === undefined ? undefined : { after, before };
}

/**
 * The day after a `YYYYMMDD` day, as a `YYYYMMDD` number.
 *
 * @example
 * nextDay(20230930); // 20231001
 */
export function nextDay(day: number): number {
  const date = new Date(Date.UTC(Math.floor(day / 10000), (Math.floor(day / 100) % 100) - 1, (day % 100) + 1));
  return date.getUTCFullYear() * 10000 + (date.getUTCMonth() + 1) * 100 + date.getUTCDate();
}

/**
 * The day before a `YYYYMMDD` day, as a `YYYYMMDD` number.
 *
 * @example
 * previousDay(20230901); // 20230831
 */
export function previousDay(day: number): number {
  const date = new Date(Date.UTC(Math.floor(day / 10000), (Math.floor(day / 100) % 100) - 1, (day % 100) - 1));
  return date.getUTCFullYear() * 10000 + (date.getUTCMonth() + 1) * 100 + date.getUTCDate();
}
