import { CorpusArticle } from './corpus';

/**
 * Articles of one day, ordered by title.
 *
 * @example
 * groupByDate([{ id: 'a', path: 'a.txt', date: '2023-09-13', title: 'Kim arrives' }]).years[0].months[0].days[0];
 * // { date: '2023-09-13', articles: [{ id: 'a', path: 'a.txt', date: '2023-09-13', title: 'Kim arrives' }] }
 */
export interface DayGroup {
  readonly date: string;
  readonly articles: readonly CorpusArticle[];
}

/**
 * Days of one month; `month` is `01`–`12`. `count` is kept so a tree can label the month without
 * walking its days.
 *
 * @example
 * groupByDate([{ id: 'a', path: 'a.txt', date: '2023-09-13', title: 'Kim arrives' }]).years[0].months[0];
 * // { year: '2023', month: '09', count: 1, days: [{ date: '2023-09-13', articles: [...] }] }
 */
export interface MonthGroup {
  readonly year: string;
  readonly month: string;
  readonly count: number;
  readonly days: readonly DayGroup[];
}

/**
 * Months of one year. `count` is kept so a tree can label the year without walking its months.
 *
 * @example
 * groupByDate([{ id: 'a', path: 'a.txt', date: '2023-09-13', title: 'Kim arrives' }]).years[0];
 * // { year: '2023', count: 1, months: [{ year: '2023', month: '09', count: 1, days: [...] }] }
 */
export interface YearGroup {
  readonly year: string;
  readonly count: number;
  readonly months: readonly MonthGroup[];
}

/**
 * The corpus arranged as year → month → day → articles, with the undated articles apart.
 *
 * @example
 * groupByDate([{ id: 'c', path: 'c.txt', title: 'Undated' }]); // { years: [], undated: [{ id: 'c', path: 'c.txt', title: 'Undated' }] }
 */
export interface DateGroups {
  readonly years: readonly YearGroup[];
  readonly undated: readonly CorpusArticle[];
}

/**
 * Which end of the calendar comes first (the `newsCorpus.dateOrder` setting): someone following a
 * story from its start reads oldest first.
 *
 * @example
 * const articles = [{ id: 'a', path: 'a.txt', date: '2023-09-13', title: 'Kim arrives' }, { id: 'b', path: 'b.txt', date: '2024-01-02', title: 'New year' }];
 * groupByDate(articles, 'oldest-first').years.map((year) => year.year); // ['2023', '2024']
 */
export type DateOrder = 'newest-first' | 'oldest-first';

/**
 * Newest first, as news readers expect.
 *
 * @example
 * const articles = [{ id: 'a', path: 'a.txt', date: '2023-09-13', title: 'Kim arrives' }, { id: 'b', path: 'b.txt', date: '2024-01-02', title: 'New year' }];
 * groupByDate(articles).years.map((year) => year.year); // ['2024', '2023']
 */
export const DEFAULT_DATE_ORDER: DateOrder = 'newest-first';

const byTitle = (a: CorpusArticle, b: CorpusArticle) => a.title.localeCompare(b.title) || a.path.localeCompare(b.path);

function sortedKeys<T>(map: Map<string, T>, order: DateOrder): string[] {
  const keys = [...map.keys()].sort();
  return order === 'newest-first' ? keys.reverse() : keys;
}

/**
 * Groups articles by year, month and day; undated articles are kept apart, ordered by title.
 *
 * @example
 * const groups = groupByDate([{ id: 'a', path: 'a.txt', date: '2023-09-13', title: 'Kim arrives' }]);
 * groups.years[0].months[0].days[0].date; // '2023-09-13'
 */
export function groupByDate(articles: Iterable<CorpusArticle>, order: DateOrder = DEFAULT_DATE_ORDER): DateGroups {
  const byDay = new Map<string, CorpusArticle[]>();
  const undated: CorpusArticle[] = [];
  for (const article of articles) {
    if (article.date === undefined) {
      undated.push(article);
      continue;
    }
    const day = byDay.get(article.date);
    if (day) day.push(article);
    else byDay.set(article.date, [article]);
  }
  const byMonth = new Map<string, Map<string, CorpusArticle[]>>();
  for (const [date, dayArticles] of byDay) {
    const monthKey = date.slice(0, 7);
    const month = byMonth.get(monthKey) ?? new Map<string, CorpusArticle[]>();
    month.set(date, dayArticles.sort(byTitle));
    byMonth.set(monthKey, month);
  }
  const byYear = new Map<string, Map<string, Map<string, CorpusArticle[]>>>();
  for (const [monthKey, days] of byMonth) {
    const yearKey = monthKey.slice(0, 4);
    const year = byYear.get(yearKey) ?? new Map<string, Map<string, CorpusArticle[]>>();
    year.set(monthKey, days);
    byYear.set(yearKey, year);
  }
  const years = sortedKeys(byYear, order).map((yearKey): YearGroup => {
    const monthMap = byYear.get(yearKey) ?? new Map<string, Map<string, CorpusArticle[]>>();
    const months = sortedKeys(monthMap, order).map((monthKey): MonthGroup => {
      const dayMap = monthMap.get(monthKey) ?? new Map<string, CorpusArticle[]>();
      const days = sortedKeys(dayMap, order).map((date): DayGroup => ({ date, articles: dayMap.get(date) ?? [] }));
      return { year: yearKey, month: monthKey.slice(5, 7), count: days.reduce((sum, day) => sum + day.articles.length, 0), days };
    });
    return { year: yearKey, count: months.reduce((sum, month) => sum + month.count, 0), months };
  });
  return { years, undated: undated.sort(byTitle) };
}
