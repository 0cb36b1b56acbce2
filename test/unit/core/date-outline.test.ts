import * as assert from 'assert';
import { CorpusArticle } from '../../../src/core/corpus';
import { DateGrouping, DateOrder } from '../../../src/core/date-groups';
import { DateOutline } from '../../../src/core/date-outline';

function article(id: string, date: string | undefined): CorpusArticle {
  const base: CorpusArticle = { id, path: `${id}.txt`, title: id };
  return date === undefined ? base : { ...base, date };
}

const ARTICLES = [
  article('a', '2023-09-13'),
  article('b', '2023-09-13'),
  article('c', '2023-09-01'),
  article('d', '2023-11-30'),
  article('e', '2022-01-05'),
  article('f', undefined),
  article('g', undefined),
];

/** How many articles fall on each date, as the saved index's day column gives them. */
function dateCounts(articles: readonly CorpusArticle[]): Map<string | undefined, number> {
  const counts = new Map<string | undefined, number>();
  for (const { date } of articles) counts.set(date, (counts.get(date) ?? 0) + 1);
  return counts;
}

/** What the Dates view's year and month rows read, from either. */
function rows(dates: DateOutline | DateGrouping): unknown {
  return {
    years: dates.years().map((year) => ({ year, count: dates.yearCount(year), months: dates.monthsOf(year).map((month) => [month, dates.monthCount(year, month)]) })),
    undated: dates.undatedCount,
  };
}

describe('DateOutline', () => {
  it('counts the years and months from the dates alone, newest first', () => {
    const outline = new DateOutline('newest-first', dateCounts(ARTICLES));
    assert.deepStrictEqual(rows(outline), {
      years: [
        { year: '2023', count: 4, months: [['11', 1], ['09', 3]] },
        { year: '2022', count: 1, months: [['01', 1]] },
      ],
      undated: 2,
    });
    assert.strictEqual(outline.articleCount, ARTICLES.length, 'the dated and the undated');
  });

  for (const order of ['newest-first', 'oldest-first'] as DateOrder[]) {
    it(`gives the rows the grouping of the articles gives, ${order}`, () => {
      assert.deepStrictEqual(rows(new DateOutline(order, dateCounts(ARTICLES))), rows(new DateGrouping(order, ARTICLES)));
    });
  }

  it('has no rows and counts nothing outside its dates', () => {
    const outline = new DateOutline('newest-first', []);
    assert.deepStrictEqual([outline.years(), outline.monthsOf('2023'), outline.yearCount('2023'), outline.monthCount('2023', '09'), outline.undatedCount, outline.articleCount], [[], [], 0, 0, 0, 0]);
  });
});
