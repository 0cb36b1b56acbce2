import * as assert from 'assert';
import { Corpus, CorpusArticle } from '../../../src/core/corpus';
import { groupByDate } from '../../../src/core/date-groups';

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

describe('groupByDate', () => {
  it('nests year → month → day → articles, newest first, with counts', () => {
    const groups = groupByDate(ARTICLES);
    assert.deepStrictEqual(groups.years.map((year) => [year.year, year.count]), [['2023', 3], ['2022', 1]]);
    const september = groups.years[0]?.months[0];
    assert.strictEqual(september?.month, '09');
    assert.deepStrictEqual(september?.days.map((day) => day.date), ['2023-09-13', '2023-09-01']);
    assert.deepStrictEqual(september?.days[0]?.articles.map((entry) => entry.title), ['Kim arrives in Russia', 'Putin meets Kim']);
  });

  it('keeps undated articles apart', () => {
    assert.deepStrictEqual(groupByDate(ARTICLES).undated.map((entry) => entry.id), ['e']);
  });

  it('can put the oldest first', () => {
    const groups = groupByDate(ARTICLES, 'oldest-first');
    assert.deepStrictEqual(groups.years.map((year) => year.year), ['2022', '2023']);
    assert.deepStrictEqual(groups.years[1]?.months[0]?.days.map((day) => day.date), ['2023-09-01', '2023-09-13']);
  });

  it('groups an empty corpus into nothing', () => {
    assert.deepStrictEqual(groupByDate([]), { years: [], undated: [] });
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
