import * as assert from 'assert';
import * as fc from 'fast-check';
import { codePointStrings } from '../../support/code-point-strings';

/** A UTF-16 surrogate without its other half. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

describe('codePointStrings (test support)', () => {
  it('draws well-formed strings of up to maxLength code points, astral ones among them, and maps each back', () => {
    const strings = codePointStrings(12);
    const drawn = fc.sample(strings, { seed: 20261203, numRuns: 2000 });
    for (const text of drawn) {
      assert.ok(!LONE_SURROGATE.test(text), JSON.stringify(text));
      assert.ok([...text].length <= 12, JSON.stringify(text));
      assert.ok(strings.canShrinkWithoutContext(text), JSON.stringify(text));
    }
    assert.ok(drawn.some((text) => [...text].some((char) => (char.codePointAt(0) ?? 0) > 0xffff)), 'astral code points drawn');
    assert.ok(drawn.some((text) => /[\u0000-\u001f]/u.test(text)), 'control characters drawn');
  });

  it('maps back every code point on either side of the surrogates and at the ends, and nothing else', () => {
    const strings = codePointStrings(3);
    for (const text of ['\u0000', '\uD7FF', '\uE000', '\u{10000}', '\u{10FFFF}', 'a\u0301\u{1F600}', '']) assert.ok(strings.canShrinkWithoutContext(text), JSON.stringify(text));
    for (const text of ['\uD800', '\uDFFF', 'a\uDC00', 'abcd']) assert.ok(!strings.canShrinkWithoutContext(text), JSON.stringify(text));
  });

  it('shrinks a failing string to a single code point', () => {
    const failure = fc.check(fc.property(codePointStrings(40), (text) => !/[\u{1F000}-\u{10FFFF}]/u.test(text)), { seed: 3 });
    assert.ok(failure.failed);
    assert.strictEqual([...(failure.counterexample?.[0] ?? '')].length, 1);
  });
});
