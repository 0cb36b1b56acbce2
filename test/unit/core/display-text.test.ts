import * as assert from 'assert';
import { countOf, toDisplayText } from '../../../src/core/display-text';

describe('toDisplayText', () => {
  it('escapes icon syntax so article text cannot draw icons', () => {
    assert.strictEqual(toDisplayText('Shares $(arrow-up) 5% and $(sync~spin)'), 'Shares \\$(arrow-up) 5% and \\$(sync~spin)');
  });

  it('folds white space, line breaks included, into single spaces', () => {
    assert.strictEqual(toDisplayText('  one\n\ntwo\t three  '), 'one two three');
  });

  it('leaves ordinary text and lone dollar signs alone', () => {
    assert.strictEqual(toDisplayText('A $5 bill (used)'), 'A $5 bill (used)');
  });
});

describe('countOf', () => {
  it('groups digits and makes the noun plural unless the count is one', () => {
    assert.strictEqual(countOf(0, 'article'), '0 articles');
    assert.strictEqual(countOf(1, 'article'), '1 article');
    assert.strictEqual(countOf(12345, 'file'), '12,345 files');
  });
});
