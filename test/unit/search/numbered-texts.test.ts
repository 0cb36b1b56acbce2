import * as assert from 'assert';
import { NumberedTexts } from '../../../src/core/search/numbered-texts';

describe('NumberedTexts', () => {
  it('numbers each text once, in order of first appearance', () => {
    const texts = new NumberedTexts();
    assert.deepStrictEqual(['Russian president', 'North Korean leader', 'Russian president'].map((text) => texts.numberOf(text)), [0, 1, 0]);
    assert.deepStrictEqual(texts.texts, ['Russian president', 'North Korean leader']);
  });

  it('numbers on after texts read back as they were saved', () => {
    const texts = new NumberedTexts(['a', 'b']);
    assert.deepStrictEqual([texts.numberOf('b'), texts.numberOf('c')], [1, 2]);
    assert.deepStrictEqual(texts.texts, ['a', 'b', 'c']);
  });
});
