import { DateOrder, periodOrder } from './date-groups';

const NONE: readonly never[] = [];

/**
 * The years and months of a corpus with their article counts, from its articles' dates alone: what a reopen shows
 * in the Dates view's top rows from the saved index's day column, before the articles themselves are made. It
 * answers as {@link DateGrouping} does for the rows it has (years, months, their counts, the undated count).
 *
 * @example
 * const outline = new DateOutline('newest-first', new Map([['2023-09-13', 2], ['2024-01-02', 1], [undefined, 4]]));
 * outline.years(); // ['2024', '2023']
 * outline.monthsOf('2023'); // ['09']
 * outline.yearCount('2023'); // 2
 * outline.undatedCount; // 4
 * outline.articleCount; // 7
 */
export class DateOutline {
  readonly undatedCount: number;
  /** The articles it counts, dated or not. */
  readonly articleCount: number;
  private readonly yearKeys: readonly string[];
  private readonly months = new Map<string, string[]>();
  private readonly yearCounts = new Map<string, number>();
  private readonly monthCounts = new Map<string, number>();

  /** `dates`: how many articles fall on each date (`YYYY-MM-DD`), undefined for the undated ones. */
  constructor(order: DateOrder, dates: Iterable<readonly [date: string | undefined, count: number]>) {
    let undated = 0;
    let all = 0;
    for (const [date, count] of dates) {
      all += count;
      if (date === undefined) {
        undated += count;
        continue;
      }
      const year = date.slice(0, 4);
      const month = date.slice(0, 7);
      const monthCount = this.monthCounts.get(month);
      if (monthCount === undefined) {
        const yearMonths = this.months.get(year);
        if (yearMonths) yearMonths.push(date.slice(5, 7));
        else this.months.set(year, [date.slice(5, 7)]);
      }
      this.monthCounts.set(month, (monthCount ?? 0) + count);
      this.yearCounts.set(year, (this.yearCounts.get(year) ?? 0) + count);
    }
    this.undatedCount = undated;
    this.articleCount = all;
    const byKey = periodOrder(order);
    for (const yearMonths of this.months.values()) yearMonths.sort(byKey);
    this.yearKeys = [...this.months.keys()].sort(byKey);
  }

  /** The years, in the outline's order. */
  years(): readonly string[] {
    return this.yearKeys;
  }

  /** The months (`01`–`12`) of `year` that have articles, in the outline's order. */
  monthsOf(year: string): readonly string[] {
    return this.months.get(year) ?? NONE;
  }

  yearCount(year: string): number {
    return this.yearCounts.get(year) ?? 0;
  }

  monthCount(year: string, month: string): number {
    return this.monthCounts.get(`${year}-${month}`) ?? 0;
  }
}
