import * as assert from 'assert';
import * as fs from 'fs';
import { FeatureContext } from '../../../src/core/entities/features';
import { coversExactly } from '../../../src/core/entities/gazetteer';
import { readModel } from '../../../src/core/entities/model-file';
import { tokenize } from '../../../src/core/entities/tokenizer';
import { MODEL_FILE } from './fixtures';

/** `Category.WikipediaTitle` of scripts/ner-gazetteer.ts: the titles of popular Wikipedia articles. */
const WIKIPEDIA_TITLE_CATEGORY = 7;

/** Whether the shipped model's gazetteer has `name` as one whole entry of `category`. */
function listed(name: string, category: number): boolean {
  const model = readModel(new Uint8Array(fs.readFileSync(MODEL_FILE)));
  const tokens = tokenize(name);
  const context = new FeatureContext();
  context.prepare(name, tokens, model.gazetteer, model.clusters);
  return coversExactly(context.gazetteer, category, 0, tokens.count - 1);
}

describe('the gazetteer compiled into the model', () => {
  for (const name of ['Linkin Park', 'Sistine Chapel', 'Konami', 'Avenged Sevenfold']) {
    it(`lists the Wikipedia title "${name}", whatever its case`, () => {
      assert.ok(listed(name, WIKIPEDIA_TITLE_CATEGORY));
      assert.ok(listed(name.toUpperCase(), WIKIPEDIA_TITLE_CATEGORY));
    });
  }

  it('does not make every capitalised pair a Wikipedia title', () => {
    assert.ok(!listed('Yesterday Morning', WIKIPEDIA_TITLE_CATEGORY));
    assert.ok(!listed('Linkin', WIKIPEDIA_TITLE_CATEGORY));
  });
});
