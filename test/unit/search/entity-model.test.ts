import * as assert from 'assert';
import * as fc from 'fast-check';
import { ArticleEntity } from '../../../src/core/entities/types';
import { BatchBuilder } from '../../../src/core/search/batch-builder';
import { CorpusIndex } from '../../../src/core/search/corpus-index';
import { compareEntities, selectFirst } from '../../../src/core/search/entity-listing';
import { decodeIndex, encodeIndex } from '../../../src/core/search/index-file';
import { exactEntityQuery } from '../../../src/core/search/query-parser';
import { FixtureArticle, KIM, MOSCOW, NEWS, NEWS_ENTITIES, PUTIN, analyzeText, article, buildIndex, fakeExtractor, hitPaths } from './fixtures';

/** Like the real engine: one entity for every case variant of "Kim Jong-un", named by the article's most frequent form. */
function kimExtractor(text: string): ArticleEntity[] {
  const forms = new Map<string, number>();
  const mentions: { start: number; end: number }[] = [];
  for (const match of text.matchAll(/Kim Jong-[Uu]n/g)) {
    forms.set(match[0], (forms.get(match[0]) ?? 0) + 1);
    mentions.push({ start: match.index, end: match.index + match[0].length });
  }
  if (mentions.length === 0) return [];
  const name = [...forms].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  return [{ key: 'PER:kim jong-un', name, type: 'PER', aliases: [...forms.keys()].filter((form) => form !== name), mentions, forms: [...forms].map(([form, count]) => ({ text: form, count })) }];
}

function indexOf(articles: readonly FixtureArticle[], extract: (text: string) => readonly ArticleEntity[]): CorpusIndex {
  const builder = new BatchBuilder(extract);
  for (const { path, text } of articles) builder.addText({ path, size: text.length, mtimeMs: 1 }, text);
  const index = new CorpusIndex();
  index.addBatch(builder.finish(), { defer: true });
  index.compactNow();
  return index;
}

const KIM_ARTICLES: readonly FixtureArticle[] = [
  { path: 'a.txt', text: article('2023-09-10', 'Kim Jong-Un left. Kim Jong-Un arrived.') },
  { path: 'b.txt', text: article('2023-09-12', 'Kim Jong-un met the press.') },
  { path: 'c.txt', text: article('2023-09-13', 'Kim Jong-un spoke. Kim Jong-un left.') },
];

describe('CorpusIndex entity model', () => {
  it('names an entity by its most frequent full form across the corpus, not the first one seen', () => {
    const index = indexOf(KIM_ARTICLES, kimExtractor);
    const kim = index.entitySummary('PER:kim jong-un');
    assert.ok(kim);
    assert.strictEqual(kim.name, 'Kim Jong-un', '3 mentions of "Kim Jong-un" beat 2 of "Kim Jong-Un"');
    assert.deepStrictEqual(kim.aliases, ['Kim Jong-Un']);
    assert.deepStrictEqual({ articles: kim.articleCount, mentions: kim.mentionCount, first: kim.firstDate, last: kim.lastDate }, { articles: 3, mentions: 5, first: '2023-09-10', last: '2023-09-13' });
  });

  it('keeps a case variant that loses to the name as an alias, when one batch brings both', () => {
    // The variant arrives only as a form of the batch's entity, which is named by the batch's first article.
    const index = indexOf([KIM_ARTICLES[2], KIM_ARTICLES[1], { path: 'd.txt', text: article('2023-09-14', 'Kim Jong-Un spoke.') }].flatMap((found) => (found ? [found] : [])), kimExtractor);
    const kim = index.entitySummary('PER:kim jong-un');
    assert.strictEqual(kim?.name, 'Kim Jong-un');
    assert.deepStrictEqual(kim.aliases, ['Kim Jong-Un']);
  });

  it('keeps the name forms and the figures in the cache, so a reopened index names and counts entities the same', () => {
    const index = indexOf(KIM_ARTICLES, kimExtractor);
    const decoded = decodeIndex(Buffer.concat(encodeIndex(index.parts(), { root: '/r', extractor: 'kim' })), { root: '/r', extractor: 'kim' });
    assert.ok(decoded.ok);
    assert.deepStrictEqual(decoded.parts.entityStats?.figures(index.entity('PER:kim jong-un')?.term ?? -1), { articles: 3, mentions: 5, firstDay: 20230910, lastDay: 20230913 }, 'the figures are loaded, not counted again');
    const reopened = new CorpusIndex(decoded.parts);
    assert.deepStrictEqual(reopened.entitySummary('PER:kim jong-un'), index.entitySummary('PER:kim jong-un'));
    // A later article tips the balance on the reopened index as it would have on the original.
    for (const path of ['d.txt', 'e.txt']) reopened.addBatch(analyzeText({ path, size: 1, mtimeMs: 1 }, article('2023-09-14', 'Kim Jong-Un again. Kim Jong-Un.'), kimExtractor));
    assert.strictEqual(reopened.entitySummary('PER:kim jong-un')?.name, 'Kim Jong-Un');
  });

  it('follows added, changed and removed articles in its counts and dates', async () => {
    const index = buildIndex(NEWS, NEWS_ENTITIES);
    await index.prepare();
    assert.deepStrictEqual(pick(index, PUTIN.key), { articles: 2, mentions: 2, first: '2023-09-12', last: '2023-09-13' });
    index.addBatch(analyzeText({ path: 'later.txt', size: 1, mtimeMs: 1 }, article('2024-01-02', 'Putin spoke. Vladimir Putin left Moscow.'), fakeExtractor(NEWS_ENTITIES)));
    assert.deepStrictEqual(pick(index, PUTIN.key), { articles: 3, mentions: 4, first: '2023-09-12', last: '2024-01-02' });
    // Changing an article replaces its counts instead of adding to them.
    index.addBatch(analyzeText({ path: 'later.txt', size: 2, mtimeMs: 2 }, article('2024-01-03', 'Putin spoke.'), fakeExtractor(NEWS_ENTITIES)));
    assert.deepStrictEqual(pick(index, PUTIN.key), { articles: 3, mentions: 3, first: '2023-09-12', last: '2024-01-03' });
    // Removing the article of the first day moves the first date to the next article's.
    index.remove('arrival.txt');
    assert.deepStrictEqual(pick(index, PUTIN.key), { articles: 2, mentions: 2, first: '2023-09-13', last: '2024-01-03' });
    index.remove('later.txt');
    index.remove('summit.txt');
    assert.strictEqual(index.entitySummary(PUTIN.key), undefined, 'an entity no article mentions is gone');
    assert.strictEqual(index.entityTypeCounts().get('PER'), 0);
    await index.compact();
    assert.strictEqual(index.entitySummary(PUTIN.key), undefined);
    assert.strictEqual(index.entitySummary(MOSCOW.key), undefined);
  });

  it('counts the entities of each type, lists them sorted, filtered and in pages', () => {
    const index = buildIndex(
      [
        { path: '1.txt', text: article('2023-01-01', 'Putin. Putin. Putin. Putin. Kim Jong-un.') },
        { path: '2.txt', text: article('2023-01-02', 'Kim Jong-un met Anna Smith.') },
        { path: '3.txt', text: article('2023-01-03', 'Kim Jong-un in Moscow.') },
        { path: '4.txt', text: article('2023-01-04', 'Recep Tayyip Erdoğan spoke.') },
      ],
      [...NEWS_ENTITIES, { key: 'PER:anna smith', name: 'Anna Smith', type: 'PER' }, { key: 'PER:recep tayyip erdoğan', name: 'Recep Tayyip Erdoğan', type: 'PER' }],
    );
    assert.deepStrictEqual(Object.fromEntries(index.entityTypeCounts()), { PER: 4, LOC: 1, ORG: 0, MISC: 0 });
    const names = (sort: 'articles' | 'mentions' | 'name', filter?: string, offset = 0, limit = 10) =>
      index.listEntities({ type: 'PER', sort, offset, limit, ...(filter === undefined ? {} : { filter }) }).entities.map((entity) => entity.name);
    assert.deepStrictEqual(names('articles'), ['Kim Jong-un', 'Vladimir Putin', 'Anna Smith', 'Recep Tayyip Erdoğan']);
    assert.deepStrictEqual(names('mentions'), ['Vladimir Putin', 'Kim Jong-un', 'Anna Smith', 'Recep Tayyip Erdoğan']);
    assert.deepStrictEqual(names('name'), ['Anna Smith', 'Kim Jong-un', 'Recep Tayyip Erdoğan', 'Vladimir Putin']);
    assert.deepStrictEqual(names('articles', 'PUT'), ['Vladimir Putin'], 'the filter ignores case');
    assert.deepStrictEqual(names('articles', 'jong'), ['Kim Jong-un']);
    // …and accents, as search does (ux33: "erdogan" found only an "Erdogan" alone).
    assert.deepStrictEqual(names('articles', 'erdogan'), ['Recep Tayyip Erdoğan']);
    assert.deepStrictEqual(names('articles', 'ERDOĞAN'), ['Recep Tayyip Erdoğan']);
    assert.deepStrictEqual(names('name', undefined, 1, 1), ['Kim Jong-un']);
    assert.strictEqual(index.listEntities({ type: 'PER', sort: 'name', offset: 1, limit: 1 }).total, 4);
    assert.deepStrictEqual(index.listEntities({ type: 'ORG', sort: 'name', offset: 0, limit: 5 }), { total: 0, entities: [] });
  });

  it('answers the exact query of an entity with exactly its articles', () => {
    const kimYoJong = { key: 'PER:kim yo-jong', name: 'Kim Yo-jong', type: 'PER' as const };
    const index = buildIndex([...NEWS, { path: 'sister.txt', text: article('2023-09-15', 'Kim Yo-jong issued a statement.') }], [...NEWS_ENTITIES, kimYoJong]);
    assert.deepStrictEqual(hitPaths(index, 'person:Kim').sort(), ['arrival.txt', 'sister.txt', 'summit.txt']);
    assert.deepStrictEqual(hitPaths(index, exactEntityQuery('PER', 'Kim Jong-un')).sort(), ['arrival.txt', 'summit.txt']);
    assert.deepStrictEqual(hitPaths(index, exactEntityQuery('PER', KIM.name.toUpperCase())).sort(), ['arrival.txt', 'summit.txt'], 'case does not matter');
    assert.deepStrictEqual(hitPaths(index, exactEntityQuery('LOC', 'Kim Jong-un')), [], 'nor does another type match');
  });
});

function pick(index: CorpusIndex, key: string): { articles: number; mentions: number; first: string | undefined; last: string | undefined } | undefined {
  const summary = index.entitySummary(key);
  return summary && { articles: summary.articleCount, mentions: summary.mentionCount, first: summary.firstDate, last: summary.lastDate };
}

describe('selectFirst', () => {
  it('gives the first items of the full sort, for any input and count', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ identity: fc.string({ maxLength: 3 }), articles: fc.nat(5), mentions: fc.nat(9) })), fc.nat(30), (items, count) => {
        const compare = compareEntities('articles');
        // Compared by their fields: equal items may come in either order, and fast-check makes some without a prototype.
        const fields = (list: readonly { identity: string; articles: number; mentions: number }[]) => list.map(({ identity, articles, mentions }) => [identity, articles, mentions]);
        assert.deepStrictEqual(fields(selectFirst(items, count, compare)), fields([...items].sort(compare).slice(0, count)));
      }),
    );
  });
});
