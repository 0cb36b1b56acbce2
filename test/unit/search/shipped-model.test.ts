import * as assert from 'assert';
import * as path from 'path';
import { IndexService } from '../../../src/workers/index-service';
import { listArticleFiles } from '../../../src/workers/list-files';

/** The repository root, from the compiled test in out/test/unit/search. */
const REPO_ROOT = path.join(__dirname, '..', '..', '..', '..');
const SEEDS = path.join(REPO_ROOT, 'samples', 'seeds');

describe('the shipped entity model, end to end through the indexing threads', function () {
  this.timeout(60_000);
  const service = new IndexService({ root: SEEDS, extractor: { kind: 'model', modelPath: path.join(REPO_ROOT, 'models', 'ner.bin') }, workers: 2 });
  before(async () => {
    const opened = await service.open(listArticleFiles(SEEDS));
    assert.strictEqual(opened.sync.added, 2);
  });
  after(() => service.dispose());

  it('finds "Vladimir Putin" in both seed articles, also where an article only says "Putin"', () => {
    const response = service.search('person:Putin');
    assert.ok(response.ok);
    assert.deepStrictEqual(response.hits.map((hit) => path.basename(hit.path)).sort(), ['000_11aec1007b5c4c05.txt', '003_737a2ec1faf8bc49.txt']);
    const putin = service.index.entitySummary('PER:vladimir putin');
    assert.ok(putin);
    assert.strictEqual(putin.name, 'Vladimir Putin');
    assert.strictEqual(putin.articleCount, 2);
    assert.ok(putin.aliases.includes('Putin'));
    assert.strictEqual(service.index.entitySummary('PER:putin'), undefined, 'no separate "Putin"');
  });

  it('merges "Kim Jong-Un" and "Kim Jong-un" into one entity of both articles', () => {
    const kim = service.index.entitySummary('PER:kim jong-un');
    assert.ok(kim);
    assert.strictEqual(kim.name, 'Kim Jong-un');
    assert.ok(kim.aliases.includes('Kim Jong-Un'));
    assert.strictEqual(kim.articleCount, 2);
    assert.deepStrictEqual([kim.firstDate, kim.lastDate], ['2023-09-13', '2023-09-13']);
  });

  it('keeps the roles writers attach to a name, counted by article, across both seeds', () => {
    assert.deepStrictEqual(
      service.index.entityRoles('PER:vladimir putin').map(({ role, articles }) => `${role} (${articles})`),
      ['head of the Kremlin (1)', 'Russian President (1)'],
    );
    assert.deepStrictEqual(service.index.entityRoles('PER:kim jong-un'), [{ role: 'North Korean dictator', articles: 2 }]);
    assert.deepStrictEqual(service.index.entityRoles('PER:dmitry peskov'), [{ role: 'Kremlin spokesman', articles: 1 }]);
  });

  it('lists people by article count, and one article for "Sergei Lavrov"', () => {
    const people = service.index.listEntities({ type: 'PER', sort: 'articles', offset: 0, limit: 2 });
    assert.deepStrictEqual(people.entities.map((entity) => entity.name).sort(), ['Kim Jong-un', 'Vladimir Putin']);
    assert.deepStrictEqual(service.index.entityArticles('PER:sergei lavrov').map((entry) => path.basename(entry.path)), ['000_11aec1007b5c4c05.txt']);
  });
});
