import { CorpusArticle } from './corpus';

/**
 * Which end of the calendar comes first (the `newsCorpus.dateOrder` setting): someone following a
 * story from its start reads oldest first.
 *
 * @example
 * const articles = [{ id: 'a', path: 'a.txt', date: '2023-09-13', title: 'Kim arrives' }, { id: 'b', path: 'b.txt', date: '2024-01-02', title: 'New year' }];
 * new DateGrouping('oldest-first', articles).years(); // ['2023', '2024']
 */
export type DateOrder = 'newest-first' | 'oldest-first';

/**
 * Newest first, as news readers expect.
 *
 * @example
 * const articles = [{ id: 'a', path: 'a.txt', date: '2023-09-13', title: 'Kim arrives' }, { id: 'b', path: 'b.txt', date: '2024-01-02', title: 'New year' }];
 * new DateGrouping(DEFAULT_DATE_ORDER, articles).years(); // ['2024', '2023']
 */
export const DEFAULT_DATE_ORDER: DateOrder = 'newest-first';

/**
 * How years (`YYYY`), months (`MM`) and dates (`YYYY-MM-DD`) are ordered in `order`.
 *
 * @example
 * ['2023', '2024'].sort(periodOrder('newest-first')); // ['2024', '2023']
 */
export function periodOrder(order: DateOrder): (a: string, b: string) => number {
  return (a, b) => (a === b ? 0 : (a < b) === (order === 'oldest-first') ? -1 : 1);
}

/**
 * One collator for every comparison: `localeCompare` without one is several times slower on a large day. Made at the
 * first comparison, not as the extension loads: making it loads the platform's collation data (10–45 ms in plain
 * Node), and the first rows of a view, years and months, compare no titles.
 */
let collator: Intl.Collator | undefined;
const byTitle = (a: CorpusArticle, b: CorpusArticle) => {
  collator ??= new Intl.Collator();
  return collator.compare(a.title, b.title) || collator.compare(a.path, b.path);
};

/** A list kept in the order items came, sorted on the first read after a change: only what a tree shows is ever sorted. */
class SortedOnRead<T> {
  private readonly items: T[] = [];
  private sorted = true;

  constructor(private readonly compare: (a: T, b: T) => number) {}

  get length(): number {
    return this.items.length;
  }

  push(item: T): void {
    this.items.push(item);
    this.sorted = false;
  }

  read(): readonly T[] {
    if (!this.sorted) this.items.sort(this.compare);
    this.sorted = true;
    return this.items;
  }
}

interface Period {
  count: number;
  /** Its months (`MM`) in a year, its dates in a month. */
  readonly parts: SortedOnRead<string>;
}

const NONE: readonly never[] = [];

/**
 * The corpus arranged as year → month → day → articles (ordered by title), undated articles apart, with counts.
 * Articles are added in O(1) each and each list is sorted only when first read after it changed, so that a
 * view can follow a corpus of 100,000 articles growing by hundreds at a time without regrouping it each time.
 *
 * @example
 * const grouping = new DateGrouping('newest-first', [{ id: 'a', path: 'a.txt', date: '2023-09-13', title: 'Kim arrives' }]);
 * grouping.add([{ id: 'b', path: 'b.txt', date: '2024-01-02', title: 'New year' }]);
 * grouping.years(); // ['2024', '2023']
 * grouping.monthsOf('2023'); // ['09']
 * grouping.daysOf('2023', '09'); // ['2023-09-13']
 * grouping.articlesOn('2023-09-13').map((article) => article.title); // ['Kim arrives']
 */
export class DateGrouping {
  private readonly yearKeys: SortedOnRead<string>;
  private readonly byKey: (a: string, b: string) => number;
  private readonly yearPeriods = new Map<string, Period>();
  private readonly monthPeriods = new Map<string, Period>();
  private readonly dayArticles = new Map<string, SortedOnRead<CorpusArticle>>();
  private readonly undatedArticles = new SortedOnRead(byTitle);

  constructor(
    order: DateOrder = DEFAULT_DATE_ORDER,
    articles: Iterable<CorpusArticle> = [],
  ) {
    this.byKey = periodOrder(order);
    this.yearKeys = new SortedOnRead(this.byKey);
    this.add(articles);
  }

  /** Adds articles that are not in the grouping yet (one already in it would be listed twice). */
  add(articles: Iterable<CorpusArticle>): void {
    for (const article of articles) {
      const date = article.date;
      if (date === undefined) {
        this.undatedArticles.push(article);
        continue;
      }
      let day = this.dayArticles.get(date);
      if (!day) {
        day = new SortedOnRead(byTitle);
        this.dayArticles.set(date, day);
        this.monthOf(date).parts.push(date);
      }
      day.push(article);
      this.monthOf(date).count++;
      this.yearOf(date.slice(0, 4)).count++;
    }
  }

  /** The years, in the grouping's order. */
  years(): readonly string[] {
    return this.yearKeys.read();
  }

  /** The months (`01`–`12`) of `year` that have articles, in the grouping's order. */
  monthsOf(year: string): readonly string[] {
    return this.yearPeriods.get(year)?.parts.read() ?? NONE;
  }

  /** The dates (`YYYY-MM-DD`) of a month that have articles, in the grouping's order. */
  daysOf(year: string, month: string): readonly string[] {
    return this.monthPeriods.get(`${year}-${month}`)?.parts.read() ?? NONE;
  }

  /** The articles of one day, by title. */
  articlesOn(date: string): readonly CorpusArticle[] {
    return this.dayArticles.get(date)?.read() ?? NONE;
  }

  /** The undated articles, by title. */
  undated(): readonly CorpusArticle[] {
    return this.undatedArticles.read();
  }

  get undatedCount(): number {
    return this.undatedArticles.length;
  }

  yearCount(year: string): number {
    return this.yearPeriods.get(year)?.count ?? 0;
  }

  monthCount(year: string, month: string): number {
    return this.monthPeriods.get(`${year}-${month}`)?.count ?? 0;
  }

  dayCount(date: string): number {
    return this.dayArticles.get(date)?.length ?? 0;
  }


  /** The period of the month of `date`, made (and listed in its year) when it is new. */
  private monthOf(date: string): Period {
    const key = date.slice(0, 7);
    let month = this.monthPeriods.get(key);
    if (!month) {
      month = { count: 0, parts: new SortedOnRead(this.byKey) };
      this.monthPeriods.set(key, month);
      this.yearOf(date.slice(0, 4)).parts.push(date.slice(5, 7));
    }
    return month;
  }

  /** The period of `year`, made (and listed) when it is new. */
  private yearOf(year: string): Period {
    let period = this.yearPeriods.get(year);
    if (!period) {
      period = { count: 0, parts: new SortedOnRead(this.byKey) };
      this.yearPeriods.set(year, period);
      this.yearKeys.push(year);
    }
    return period;
  }
}
