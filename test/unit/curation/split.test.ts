import * as assert from 'assert';
import { ArticlePaths, CorrectedIndexEntities } from '../../../src/core/curation/corrected-entities';
import { EntityCorrections, resolveCorrections } from '../../../src/core/curation/entity-corrections';
import { divideMentions, formOccurrences } from '../../../src/core/curation/split-forms';
import { parseFacts } from '../../../src/core/facts/entity-facts';
import { CorpusIndex } from '../../../src/core/search/corpus-index';
import { KIM, MOSCOW, PUTIN, article, buildIndex, hitPaths } from '../search/fixtures';

const ARTICLES = [
  { path: 'a.txt', text: article('2023-09-10', 'Vladimir Putin met Kim Jong-un in Moscow. Putin said Kim was welcome.') },
  { path: 'b.txt', text: article('2023-09-11', 'Kim Jong-un spoke in Moscow.') },
  { path: 'c.txt', text: article('2023-09-12', 'Moscow agreed with Kim. Kim smiled.') },
];
const SAME: ArticlePaths = { idOf: (path) => path, pathOf: (id) => id };

function correctionsOf(facts: object): EntityCorrections {
  const { entries, problems } = parseFacts(JSON.stringify(facts));
  assert.deepStrictEqual(problems, []);
  return resolveCorrections([...(entries?.values() ?? [])].map((entry) => ({ ...entry, source: 'facts' })), (_source, path) => path).corrections;
}

const articlesOf = (entities: CorrectedIndexEntities, key: string) => entities.entityArticles(key).map(({ path, mentions }) => `${path}×${mentions}`);

describe('split forms: counting and dividing', () => {
  it('counts each form where it starts, the longest first, so a short form inside a long one is not counted', () => {
    assert.deepStrictEqual(formOccurrences([7, 8, 9, 4, 7, 5], [[7], [7, 8, 9]]), [1, 1]);
    assert.deepStrictEqual(formOccurrences([7, 7], [[7], []]), [2, 0]);
  });

  it('moves a whole article when only split forms occur, else the split forms\' own mentions, the entity keeping one', () => {
    assert.deepStrictEqual(divideMentions(2, 0, [1]), { kept: 0, split: [2] });
    assert.deepStrictEqual(divideMentions(3, 1, [2]), { kept: 1, split: [2] });
    assert.deepStrictEqual(divideMentions(2, 1, [5]), { kept: 1, split: [1] });
    assert.deepStrictEqual(divideMentions(4, 2, [0]), { kept: 4, split: [0] });
    assert.deepStrictEqual(divideMentions(3, 0, [1, 1]), { kept: 0, split: [2, 1] });
  });
});

describe('split forms: applied to an index', () => {
  const index: CorpusIndex = buildIndex(ARTICLES, [PUTIN, KIM, MOSCOW]);
  const split = correctionsOf({ people: { 'Kim Jong-un': { split: ['Kim'] } } });
  const entities = new CorrectedIndexEntities(index, split, SAME);
  const search = (corrections: EntityCorrections, query: string) => hitPaths(index, query, { corrections: { corrections, pathOf: (id) => id }, fuzzyFallback: false }).sort();

  it('moves the articles where the entity was named only by the split form, and the form\'s mentions where both occur', () => {
    assert.deepStrictEqual(articlesOf(new CorrectedIndexEntities(index, EntityCorrections.NONE, SAME), 'PER:kim jong-un'), ['c.txt×2', 'b.txt×1', 'a.txt×2']);
    assert.deepStrictEqual(articlesOf(entities, 'PER:kim jong-un'), ['b.txt×1', 'a.txt×1']);
    assert.deepStrictEqual(articlesOf(entities, 'PER:kim'), ['c.txt×2', 'a.txt×1']);
    const kim = entities.entitySummary('PER:kim');
    assert.deepStrictEqual([kim?.name, kim?.articleCount, kim?.mentionCount, kim?.firstDate], ['Kim', 2, 3, '2023-09-10']);
    assert.deepStrictEqual(entities.entitySummary('PER:kim jong-un')?.aliases, []);
  });

  it('gives the split form a row of its own in the lists and type counts, and its mentions in each article', () => {
    assert.deepStrictEqual(entities.listEntities({ type: 'PER', sort: 'articles', offset: 0, limit: 10 }).entities.map(({ name, articleCount }) => `${name} ${articleCount}`), ['Kim 2', 'Kim Jong-un 2', 'Vladimir Putin 1']);
    assert.strictEqual(entities.entityTypeCounts().get('PER'), 3);
    assert.deepStrictEqual(entities.entitiesOf('c.txt').map(({ key, mentions }) => `${key}×${mentions}`), ['PER:kim×2', 'LOC:moscow×1']);
    assert.deepStrictEqual(entities.entitiesOf('a.txt').filter(({ key }) => key.startsWith('PER:kim')).map(({ key, mentions }) => `${key}×${mentions}`).sort(), ['PER:kim jong-un×1', 'PER:kim×1']);
  });

  it('answers entity filters with the split: the entity without the moved articles, the form with them', () => {
    assert.deepStrictEqual(search(split, 'person:="Kim Jong-un"'), ['a.txt', 'b.txt']);
    assert.deepStrictEqual(search(split, 'person:="Kim"'), ['a.txt', 'c.txt']);
    assert.deepStrictEqual(search(EntityCorrections.NONE, 'person:="Kim"'), []);
  });

  it('splits nothing off when the form is a spelling of the entity\'s own name', () => {
    const own = new CorrectedIndexEntities(index, correctionsOf({ people: { 'Kim Jong-un': { split: ['The Kim Jong-Un'] } } }), SAME);
    assert.deepStrictEqual(articlesOf(own, 'PER:kim jong-un'), ['c.txt×2', 'b.txt×1', 'a.txt×2']);
  });

  it('gives the split form to the entry that claims it, and to nothing when it is ignored', () => {
    const claimed = correctionsOf({ people: { 'Kim Jong-un': { split: ['Kim'] }, 'Kim Yo-jong': { aliases: ['Kim'] } } });
    assert.deepStrictEqual(articlesOf(new CorrectedIndexEntities(index, claimed, SAME), 'PER:kim yo-jong'), ['c.txt×2', 'a.txt×1']);
    assert.deepStrictEqual(search(claimed, 'person:"Kim Yo-jong"'), ['a.txt', 'c.txt']);
    const ignored = new CorrectedIndexEntities(index, correctionsOf({ people: { 'Kim Jong-un': { split: ['Kim'] }, Kim: { ignore: true } } }), SAME);
    assert.strictEqual(ignored.entitySummary('PER:kim'), undefined);
    assert.deepStrictEqual(articlesOf(ignored, 'PER:kim jong-un'), ['b.txt×1', 'a.txt×1']);
  });
});
