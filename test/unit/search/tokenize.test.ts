import * as assert from 'assert';
import * as fc from 'fast-check';
import { MAX_TERM_LENGTH, normalizeTerm, tokenize } from '../../../src/core/search/tokenize';

describe('tokenize', () => {
  it('splits on anything but letters and digits, keeping offsets', () => {
    const text = "Kim Jong-un's 2 trains";
    const tokens = tokenize(text);
    assert.deepStrictEqual(
      tokens.map((token) => token.term),
      ['kim', 'jong', 'un', 's', '2', 'trains'],
    );
    for (const token of tokens) assert.strictEqual(normalizeTerm(text.slice(token.start, token.end)), token.term);
  });

  it('folds case and accents, also where lower-casing changes the length', () => {
    assert.deepStrictEqual(
      tokenize('Gdańsk ROSSELLÓ İstanbul').map((token) => token.term),
      ['gdansk', 'rossello', 'istanbul'],
    );
    const text = 'İİ x';
    assert.deepStrictEqual(tokenize(text).at(-1), { term: 'x', start: 3, end: 4 });
  });

  it('cuts overlong tokens', () => {
    assert.strictEqual(tokenize('a'.repeat(100))[0]?.term.length, MAX_TERM_LENGTH);
  });

  it('gives offsets that index the original text, for any string', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        for (const token of tokenize(text)) {
          assert.ok(token.start >= 0 && token.end <= text.length && token.start < token.end);
          assert.strictEqual(normalizeTerm(text.slice(token.start, token.end)), token.term);
        }
      }),
    );
  });
});
