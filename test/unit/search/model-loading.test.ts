import * as assert from 'assert';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { loadModel } from '../../../src/workers/entity-extractor';

describe('loadModel', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(path.join(tmpdir(), 'news-corpus-model-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('loads the shipped model and finds entities with it', () => {
    const model = loadModel(path.join(__dirname, '..', '..', '..', '..', 'models', 'ner.bin'));
    assert.ok(model.ok);
    assert.deepStrictEqual(
      model.extract('Vladimir Putin met Sergei Lavrov in Moscow.').map((entity) => entity.key),
      ['PER:vladimir putin', 'PER:sergei lavrov', 'LOC:moscow'],
    );
  });

  it('says in words, never throwing, that a model is missing or corrupt and what still works', () => {
    const missing = loadModel(path.join(dir, 'ner.bin'));
    assert.ok(!missing.ok);
    assert.match(missing.problem, /^News Corpus: the entity model .*ner\.bin is missing; people, places and organizations are not available\. Search and the Dates view still work/);
    const corrupt = path.join(dir, 'corrupt.bin');
    writeFileSync(corrupt, 'not a model at all, just some text that is long enough to pass a header check'.repeat(4));
    const broken = loadModel(corrupt);
    assert.ok(!broken.ok);
    assert.match(broken.problem, /^News Corpus: the entity model .*corrupt\.bin cannot be used: this file is not an entity model\. people, places/);
  });
});
