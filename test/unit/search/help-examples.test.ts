import * as assert from 'assert';
import * as path from 'path';
import { QUERY_HELP } from '../../../src/core/search/query-help';
import { IndexService } from '../../../src/workers/index-service';
import { listArticleFiles } from '../../../src/workers/list-files';

/** The repository root, from the compiled test in out/test/unit/search. */
const REPO_ROOT = path.join(__dirname, '..', '..', '..', '..');
const SAMPLES = path.join(REPO_ROOT, 'samples');

describe('the query syntax help, on the sample corpus a new user opens first', function () {
  this.timeout(120_000);
  const service = new IndexService({ root: SAMPLES, extractor: { kind: 'model', modelPath: path.join(REPO_ROOT, 'models', 'ner.bin') }, workers: 2 });
  before(async () => {
    await service.open(listArticleFiles(SAMPLES));
  });
  after(() => service.dispose());

  it('has examples that each find articles there, the filters by the shipped model\'s entities', () => {
    const examples = QUERY_HELP.split('\n').map((line) => line.split(/\s{2,}/)[0] ?? line);
    assert.strictEqual(examples.length, 14);
    // And those the explanations give.
    for (const example of [...examples, 'police NOT protest', 'goverment~2', 'on:2019-09-13', 'before:2019']) {
      const response = service.search(example, { fuzzyFallback: false });
      assert.ok(response.ok, example);
      assert.ok(response.total > 0, `"${example}" finds no article of the sample corpus`);
    }
  });
});
