import * as assert from 'assert';
import { Corpus, CorpusArticle } from '../../../src/core/corpus';
import { DateGrouping } from '../../../src/core/date-groups';

function article(id: string, date: string | undefined, title = id): CorpusArticle {
  const base: CorpusArticle = { id, path: `${id}.txt`, title };
  return date === undefined ? base : { ...base, date };
}

const ARTICLES = [
  article('a', '2023-09-13', 'Putin meets Kim'),
  article('b', '2023-09-13', 'Kim arrives in Russia'),
  article('c', '2023-09-01'),
  article('d', '2022-01-05'),
  article('e', undefined, 'Undated note'),
];

describe('DateGrouping', () => {
  it('nests year → month → day → articles, newest first, with counts', () => {
    const grouping = new DateGrouping('newest-first', ARTICLES);
    assert.deepStrictEqual(grouping.years().map((year) => [year, grouping.yearCount(year)]), [['2023', 3], ['2022', 1]]);
    assert.deepStrictEqual(grouping.monthsOf('2023'), ['09']);
    assert.strictEqual(grouping.monthCount('2023', '09'), 3);
    assert.deepStrictEqual(grouping.daysOf('2023', '09'), ['2023-09-13', '2023-09-01']);
    assert.strictEqual(grouping.dayCount('2023-09-13'), 2);
    assert.deepStrictEqual(grouping.articlesOn('2023-09-13').map((entry) => entry.title), ['Kim arrives in Russia', 'Putin meets Kim']);
  });

  it('keeps undated articles apart', () => {
    const grouping = new DateGrouping('newest-first', ARTICLES);
    assert.deepStrictEqual(grouping.undated().map((entry) => entry.id), ['e']);
    assert.strictEqual(grouping.undatedCount, 1);
  });

  it('can put the oldest first', () => {
    const grouping = new DateGrouping('oldest-first', ARTICLES);
    assert.deepStrictEqual(grouping.years(), ['2022', '2023']);
    assert.deepStrictEqual(grouping.daysOf('2023', '09'), ['2023-09-01', '2023-09-13']);
  });

  it('groups an empty corpus into nothing, and knows no unknown period', () => {
    const grouping = new DateGrouping();
    assert.deepStrictEqual([grouping.years(), grouping.monthsOf('2023'), grouping.daysOf('2023', '09'), grouping.articlesOn('2023-09-13'), grouping.undated()], [[], [], [], [], []]);
    assert.deepStrictEqual([grouping.yearCount('2023'), grouping.monthCount('2023', '09'), grouping.dayCount('2023-09-13')], [0, 0, 0]);
  });

  it('takes articles in any number of additions, read in between, as it would take them at once', () => {
    for (const order of ['newest-first', 'oldest-first'] as const) {
      const whole = new DateGrouping(order, ARTICLES);
      const grown = new DateGrouping(order);
      const more = [...ARTICLES, article('f', '2023-10-02', 'Autumn'), article('g', '2023-09-13', 'Again'), article('h', '2021-12-31')];
      for (const [i, entry] of more.entries()) {
        grown.add([entry]);
        // Reading sorts what is there: later additions must still land in order.
        if (i % 2 === 0) grown.articlesOn('2023-09-13');
        grown.years();
      }
      whole.add(more.slice(ARTICLES.length));
      const shape = (grouping: DateGrouping) =>
        grouping.years().map((year) => [year, grouping.yearCount(year), grouping.monthsOf(year).map((month) => [month, grouping.monthCount(year, month), grouping.daysOf(year, month).map((date) => grouping.articlesOn(date).map((entry) => entry.id))])]);
      assert.deepStrictEqual(shape(grown), shape(whole));
      assert.deepStrictEqual(shape(grown)[0]?.[0], order === 'newest-first' ? '2023' : '2021');
    }
  });
});

describe('Corpus', () => {
  it('adds, replaces and removes articles, notifying once per update', () => {
    const corpus = new Corpus();
    let notifications = 0;
    corpus.subscribe(() => notifications++);
    corpus.update({ articles: ARTICLES });
    corpus.update({ articles: [article('a', '2023-09-14', 'Moved')], removed: ['b'] });
    assert.strictEqual(corpus.size, 4);
    assert.strictEqual(corpus.article('a')?.date, '2023-09-14');
    assert.strictEqual(corpus.article('b'), undefined);
    assert.strictEqual(notifications, 2);
  });

  it('moves a file between articles and skipped files as it changes', () => {
    const corpus = new Corpus();
    corpus.update({ articles: [article('a', '2023-09-13')] });
    corpus.update({ skipped: [{ id: 'a', path: 'a.txt', reason: 'no-date-header', message: 'not an article' }] });
    assert.strictEqual(corpus.size, 0);
    assert.strictEqual(corpus.skippedCount, 1);
    corpus.update({ articles: [article('a', '2023-09-13')] });
    assert.strictEqual(corpus.size, 1);
    assert.strictEqual(corpus.skippedCount, 0);
  });

  it('tells listeners the articles a change only added, and nothing when it did more', () => {
    const corpus = new Corpus();
    const changes: (string[] | undefined)[] = [];
    corpus.subscribe((change) => changes.push(change?.added.map((entry) => entry.id)));
    corpus.update({ articles: [article('a', '2023-09-13'), article('b', undefined)] });
    corpus.update({ articles: [article('c', '2023-09-14')], skipped: [{ id: 'x', path: 'x.txt', reason: 'binary', message: 'binary' }] });
    corpus.update({ articles: [article('a', '2023-09-15')] });
    corpus.update({ removed: ['b'] });
    corpus.update({ articles: [article('d', undefined), article('d', undefined)] });
    corpus.reset([article('z', undefined)], []);
    assert.deepStrictEqual(changes, [['a', 'b'], ['c'], undefined, undefined, undefined, undefined]);
  });

  it('stops notifying after unsubscribe, and reset replaces everything', () => {
    const corpus = new Corpus();
    let notifications = 0;
    const stop = corpus.subscribe(() => notifications++);
    corpus.update({ articles: ARTICLES });
    stop();
    corpus.reset([article('z', undefined)], []);
    assert.strictEqual(notifications, 1);
    assert.deepStrictEqual([...corpus.articles()].map((entry) => entry.id), ['z']);
  });
});
