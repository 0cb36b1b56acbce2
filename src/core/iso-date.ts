/**
 * Month names in calendar order, for labels such as "September". English whatever the locale, like
 * the `YYYY-MM-DD` dates of the corpus.
 *
 * @example
 * MONTH_NAMES[Number('2023-09-13'.slice(5, 7)) - 1]; // 'September'
 */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/**
 * The outcome of checking a `YYYY-MM-DD` string: the date, or why it is not one.
 * Not exported: only `checkIsoDate` returns it.
 */
type IsoDateCheck = { readonly ok: true; readonly date: string } | { readonly ok: false; readonly reason: string };

const ISO_DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * The number of days in a month (1–12) of a year.
 *
 * @example
 * daysInMonth(2024, 2); // 29
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Checks that `text` is a real calendar date written `YYYY-MM-DD`.
 *
 * @example
 * checkIsoDate('2023-09-13'); // { ok: true, date: '2023-09-13' }
 * checkIsoDate('2023-02-30'); // { ok: false, reason: 'February 2023 has 28 days, not 30' }
 */
export function checkIsoDate(text: string): IsoDateCheck {
  const match = ISO_DATE_SHAPE.exec(text);
  if (!match) return { ok: false, reason: `"${text}" is not written YYYY-MM-DD` };
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year === 0) return { ok: false, reason: 'year 0000 does not exist' };
  if (month < 1 || month > 12) return { ok: false, reason: `month ${match[2]} is not between 01 and 12` };
  const monthName = MONTH_NAMES[month - 1] ?? '';
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) return { ok: false, reason: `${monthName} ${match[1]} has ${days} days, not ${day}` };
  return { ok: true, date: text };
}

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** The weekday of a date {@link checkIsoDate} accepts, and its day of the month. */
function weekdayOf(date: string): { readonly weekday: string; readonly day: number } {
  const day = Number(date.slice(8, 10));
  const when = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0–99 as 1900–1999.
  when.setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, day);
  return { weekday: WEEKDAY_NAMES[when.getUTCDay()] ?? '', day };
}

/**
 * A day under its month, as articles name it ("this Wednesday (13)"), the weekday cut to three letters as calendars
 * write it, so that a narrow sidebar still shows the day ("Tuesday 2…" at 170 px), then the day of the month, of a
 * date {@link checkIsoDate} accepts. The weekday also keeps the day apart from the count a tree row shows after it
 * ("13 2" read as one number).
 *
 * @example
 * dayLabel('2023-09-13'); // 'Wed 13'
 */
export function dayLabel(date: string): string {
  const { weekday, day } = weekdayOf(date);
  return `${weekday.slice(0, 3)} ${day}`;
}

/**
 * A day in full, as a tooltip names it: weekday, day, month and year, then the date as the query language writes it
 * (`on:2023-09-13`).
 *
 * @example
 * dayName('2023-09-13'); // 'Wednesday 13 September 2023 (2023-09-13)'
 */
export function dayName(date: string): string {
  const { weekday, day } = weekdayOf(date);
  return `${weekday} ${day} ${MONTH_NAMES[Number(date.slice(5, 7)) - 1] ?? ''} ${date.slice(0, 4)} (${date})`;
}
