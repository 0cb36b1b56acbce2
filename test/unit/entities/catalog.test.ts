import * as assert from 'assert';
import { extractArticleEntities } from '../../../src/core/entities/article-entities';
import { EntityCatalog } from '../../../src/core/entities/catalog';
import { ArticleEntity, EntityType } from '../../../src/core/entities/types';
import { SEED_ARRIVAL, SEED_MEETING, readSeed, recognizer } from './fixtures';

function entity(key: string, name: string, type: EntityType, aliases: string[], forms: [string, number][], mentions = 1): ArticleEntity {
  return {
    key,
    name,
    type,
    aliases,
    forms: forms.map(([text, count]) => ({ text, count })),
    mentions: Array.from({ length: mentions }, (_, i) => ({ start: i * 10, end: i * 10 + 5 })),
  };
}

describe('EntityCatalog', () => {
  it('merges the seed articles: one Kim Jong-un, displayed in its most frequent full form', () => {
    const catalog = new EntityCatalog();
    catalog.add(SEED_MEETING, extractArticleEntities(recognizer(), readSeed(SEED_MEETING)));
    catalog.add(SEED_ARRIVAL, extractArticleEntities(recognizer(), readSeed(SEED_ARRIVAL)));
    const kim = catalog.entity('PER:kim jong-un');
    assert.ok(kim);
    assert.strictEqual(kim.name, 'Kim Jong-un');
    assert.strictEqual(kim.articleCount, 2);
    assert.ok(kim.aliases.includes('Kim Jong-Un') && kim.aliases.includes('Kim'));
    assert.deepStrictEqual(catalog.articlesOf('PER:kim jong-un'), [SEED_MEETING, SEED_ARRIVAL]);
    assert.strictEqual(catalog.mentionsOf('PER:kim jong-un').length, kim.mentionCount);
    assert.strictEqual(catalog.entity('PER:vladimir putin')?.articleCount, 2);
    assert.deepStrictEqual(catalog.find('KIM').map((found) => found.key), ['PER:kim jong-un']);
    assert.deepStrictEqual(catalog.find('putin').map((found) => found.name), ['Vladimir Putin']);
  });

  it('removes an article, and an entity with its last article', () => {
    const catalog = new EntityCatalog();
    catalog.add('a', [entity('PER:vladimir putin', 'Vladimir Putin', 'PER', ['Putin'], [['Vladimir Putin', 1], ['Putin', 2]], 3)]);
    catalog.add('b', [entity('PER:vladimir putin', 'Vladimir Putin', 'PER', [], [['Vladimir Putin', 1]]), entity('LOC:russia', 'Russia', 'LOC', [], [['Russia', 1]])]);
    assert.strictEqual(catalog.entity('PER:vladimir putin')?.mentionCount, 4);
    catalog.remove('a');
    assert.deepStrictEqual(catalog.entity('PER:vladimir putin'), { key: 'PER:vladimir putin', name: 'Vladimir Putin', type: 'PER', aliases: [], mentionCount: 1, articleCount: 1 });
    assert.deepStrictEqual(catalog.find('Putin'), []);
    catalog.remove('b');
    assert.strictEqual(catalog.size, 0);
    assert.strictEqual(catalog.articleCount, 0);
    assert.deepStrictEqual(catalog.find('Vladimir Putin'), []);
    catalog.remove('never added');
  });

  it('replaces an article that is added again instead of counting it twice', () => {
    const catalog = new EntityCatalog();
    catalog.add('a', [entity('LOC:russia', 'Russia', 'LOC', [], [['Russia', 2]], 2)]);
    catalog.add('a', [entity('LOC:russia', 'Russia', 'LOC', [], [['Russia', 1]], 1), entity('LOC:moscow', 'Moscow', 'LOC', [], [['Moscow', 1]])]);
    assert.strictEqual(catalog.entity('LOC:russia')?.mentionCount, 1);
    assert.strictEqual(catalog.entity('LOC:russia')?.articleCount, 1);
    assert.deepStrictEqual(catalog.entitiesOf('a').map((found) => found.key), ['LOC:russia', 'LOC:moscow']);
  });

  it('never merges an ambiguous short form globally: "Kim" finds each full name and the lone Kim', () => {
    const catalog = new EntityCatalog();
    catalog.add('a', [entity('PER:kim jong-un', 'Kim Jong-un', 'PER', ['Kim'], [['Kim Jong-un', 1], ['Kim', 1]])]);
    catalog.add('b', [entity('PER:kim yo-jong', 'Kim Yo-jong', 'PER', ['Kim'], [['Kim Yo-jong', 1], ['Kim', 3]])]);
    catalog.add('c', [entity('PER:kim', 'Kim', 'PER', [], [['Kim', 1]])]);
    assert.strictEqual(catalog.size, 3);
    assert.deepStrictEqual(catalog.find('kim').map((found) => found.key).sort(), ['PER:kim', 'PER:kim jong-un', 'PER:kim yo-jong']);
    // A short form is never the display name of a full-name entity, however often it is used.
    assert.strictEqual(catalog.entity('PER:kim yo-jong')?.name, 'Kim Yo-jong');
  });

  it('displays the most frequent full form, preferring one that is not all capitals', () => {
    const catalog = new EntityCatalog();
    catalog.add('a', [entity('PER:kim jong-un', 'KIM JONG-UN', 'PER', [], [['KIM JONG-UN', 3]])]);
    catalog.add('b', [entity('PER:kim jong-un', 'Kim Jong-Un', 'PER', [], [['Kim Jong-Un', 1]])]);
    catalog.add('c', [entity('PER:kim jong-un', 'Kim Jong-un', 'PER', [], [['Kim Jong-un', 2]])]);
    assert.strictEqual(catalog.entity('PER:kim jong-un')?.name, 'Kim Jong-un');
    catalog.remove('c');
    assert.strictEqual(catalog.entity('PER:kim jong-un')?.name, 'Kim Jong-Un');
    assert.deepStrictEqual(catalog.entity('PER:kim jong-un')?.aliases, ['KIM JONG-UN']);
    catalog.remove('b');
    assert.strictEqual(catalog.entity('PER:kim jong-un')?.name, 'KIM JONG-UN');
  });

  it('lists entities most widespread first', () => {
    const catalog = new EntityCatalog();
    catalog.add('a', [entity('LOC:russia', 'Russia', 'LOC', [], [['Russia', 1]]), entity('LOC:moscow', 'Moscow', 'LOC', [], [['Moscow', 1]])]);
    catalog.add('b', [entity('LOC:russia', 'Russia', 'LOC', [], [['Russia', 1]])]);
    assert.deepStrictEqual(catalog.entities().map((found) => found.name), ['Russia', 'Moscow']);
  });

  it('keeps its counts right over 20,000 additions and 10,000 removals', () => {
    const catalog = new EntityCatalog();
    for (let i = 0; i < 20_000; i++) {
      catalog.add(`article-${i}`, [entity('LOC:russia', 'Russia', 'LOC', [], [['Russia', 1]]), entity(`PER:person ${i % 500}`, `Person ${i % 500}`, 'PER', ['Person'], [[`Person ${i % 500}`, 1]])]);
    }
    for (let i = 0; i < 20_000; i += 2) catalog.remove(`article-${i}`);
    assert.strictEqual(catalog.entity('LOC:russia')?.articleCount, 10_000);
    assert.strictEqual(catalog.entity('PER:person 1')?.articleCount, 40);
    assert.strictEqual(catalog.entity('PER:person 0'), undefined, 'an entity whose every article was removed is gone');
  });
});
