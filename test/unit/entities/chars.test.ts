import * as assert from 'assert';
import { hasWhiteSpace, isWhiteSpaceCode } from '../../../src/core/entities/chars';

const WHITE_SPACE = /\s/u;

describe('white space', () => {
  it('isWhiteSpaceCode agrees with the regex \\s on every UTF-16 code unit', () => {
    for (let code = 0; code <= 0xffff; code++) {
      assert.strictEqual(isWhiteSpaceCode(code), WHITE_SPACE.test(String.fromCharCode(code)), `code 0x${code.toString(16)}`);
    }
  });

  it('hasWhiteSpace looks only inside [from, to)', () => {
    assert.strictEqual(hasWhiteSpace('Kim Jong-un'), true);
    assert.strictEqual(hasWhiteSpace('Kim Jong-un', 4), false);
    assert.strictEqual(hasWhiteSpace('Kim Jong-un', 0, 3), false);
    assert.strictEqual(hasWhiteSpace('Kim\u00a0Jong-un', 0, 4), true);
    assert.strictEqual(hasWhiteSpace(''), false);
  });

  it('hasWhiteSpace agrees with the regex on the same slice', () => {
    const alphabet = ['a', 'B', ' ', '\t', '\n', '\u00a0', '\u2009', '\u3000', '-', '’', '\ufeff'];
    let seed = 7;
    const next = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    for (let round = 0; round < 2000; round++) {
      const text = Array.from({ length: 1 + Math.floor(next() * 8) }, () => alphabet[Math.floor(next() * alphabet.length)] ?? '').join('');
      const from = Math.floor(next() * (text.length + 1));
      const to = from + Math.floor(next() * (text.length - from + 1));
      assert.strictEqual(hasWhiteSpace(text, from, to), WHITE_SPACE.test(text.slice(from, to)), JSON.stringify([text, from, to]));
    }
  });
});
