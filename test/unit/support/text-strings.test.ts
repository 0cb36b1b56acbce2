import * as assert from 'assert';
import * as fc from 'fast-check';
import { textStrings } from '../../support/text-strings';

describe('textStrings (test support)', () => {
  it('draws graphemes with control characters among them (C1 included, NUL never), up to maxLength units', () => {
    const drawn = fc.sample(textStrings(40), { seed: 20261203, numRuns: 2000 });
    const all = drawn.join('');
    assert.ok(drawn.every((text) => [...new Intl.Segmenter().segment(text)].length <= 40));
    assert.doesNotMatch(all, /\u0000/u, 'NUL makes a file binary: never drawn');
    assert.match(all, /[\u0001-\u001f\u007f]/u, 'C0 controls and DEL drawn');
    assert.match(all, /[\u0080-\u009f]/u, 'C1 controls drawn');
    assert.match(all, /\p{L}\p{M}/u, 'letters with combining accents drawn');
    assert.match(all, /[\u{10000}-\u{10FFFF}]/u, 'astral code points drawn');
  });
});
