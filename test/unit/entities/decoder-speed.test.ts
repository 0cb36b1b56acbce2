import * as assert from 'assert';
import * as fc from 'fast-check';
import { LowerCaseWords } from '../../../src/core/entities/lower-case-words';
import { displayName, identityOfDisplay, nameIdentity } from '../../../src/core/entities/names';
import { TAG_COUNT } from '../../../src/core/entities/tags';
import { WeightTable } from '../../../src/core/entities/weights';
import { SEED_ARRIVAL, SEED_MEETING, readSeed, recognizer } from './fixtures';

// The speed-ups of the decoder and of merging must not change any output: these pin the invariants
// they rely on (the full-corpus byte-for-byte comparison is a manual step, see docs/entities.md).
describe('entity engine speed-ups', () => {
  it('WeightTable.addAt adds exactly what add adds, at the given offset', () => {
    const table = WeightTable.fromRows(
      new Map([
        [7, [2, -1, 0, 3]],
        [9, [0, 0, 5, 0]],
      ]),
      1000,
    );
    for (const key of [7, 9, 11]) {
      const direct = new Int32Array(TAG_COUNT);
      table.add(key, direct);
      const shifted = new Int32Array(TAG_COUNT * 3);
      table.addAt(key, shifted, TAG_COUNT);
      assert.deepStrictEqual([...shifted.subarray(TAG_COUNT, TAG_COUNT * 2)], [...direct]);
      assert.ok(shifted.subarray(0, TAG_COUNT).every((value) => value === 0));
    }
  });

  it('identityOfDisplay(displayName(text)) is nameIdentity(text)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => identityOfDisplay(displayName(text)) === nameIdentity(text)),
    );
    assert.strictEqual(identityOfDisplay(displayName('The New York Times’s')), 'new york times');
  });

  it('displayName returns what the full normalisation returns, fast path or not', () => {
    const normalised = (text: string): string =>
      text.replace(/[\u2018\u2019\u201b]/gu, "'").replace(/[\u201c\u201d]/gu, '"').replace(/\s+/gu, ' ').trim().replace(/'s?$/u, '');
    const nameLike = fc.string({ unit: fc.constantFrom('K', 'i', 'm', ' ', '  ', "'", 's', '’', '“', '\u00a0', '\t', '-', '.') });
    fc.assert(fc.property(fc.oneof(nameLike, fc.string({ unit: 'grapheme' })), (text) => displayName(text) === normalised(text)));
  });

  it('LowerCaseWords answers exactly as the set of lower-case words the article pattern finds', () => {
    const pattern = /(?<![\p{L}\p{N}])\p{Ll}[\p{Ll}'’-]*/gu;
    const article = fc.string({ unit: fc.constantFrom('a', 'b', 'A', 'é', '1', ' ', '-', "'", '’', '.', '\n', '𝐚', 'ab') });
    fc.assert(
      fc.property(article, fc.array(fc.string({ unit: fc.constantFrom('a', 'b', 'é', '-', "'", '𝐚') }), { maxLength: 6 }), (text, asked) => {
        const expected = new Set(text.match(pattern) ?? []);
        // Looked up word by word (an article), and all collected at once (a text longer than the limit given).
        for (const words of [new LowerCaseWords(text), new LowerCaseWords(text, 0)]) {
          for (const word of [...expected, ...asked]) assert.strictEqual(words.has(word), expected.has(word), `${JSON.stringify(word)} in ${JSON.stringify(text)}`);
        }
      }),
    );
    for (const words of [new LowerCaseWords('Confirmation came. A well-known confirmation.'), new LowerCaseWords('Confirmation came. A well-known confirmation.', 0)]) {
      assert.deepStrictEqual([words.has('confirmation'), words.has('known'), words.has('well-known'), words.has('Confirmation')], [true, false, true, false]);
    }
  });

  it('still tags a lower-case word inside a name, where an entity is open (the skip applies only outside one)', () => {
    const spans = recognizer().recognize('The Bank of England raised rates on Thursday.');
    assert.ok(spans.some((span) => span.text === 'Bank of England'), JSON.stringify(spans));
  });

  it('gives the same spans whatever was recognised before (no state leaks between documents through the caches)', () => {
    const texts = [readSeed(SEED_MEETING), readSeed(SEED_ARRIVAL), 'ROMANIA BEAT LITHUANIA\nRomania beat Lithuania 2-1 in Bucharest.'];
    const alone = texts.map((text) => JSON.stringify(recognizer().recognize(text)));
    for (let round = 0; round < 2; round++) {
      for (let i = texts.length - 1; i >= 0; i--) assert.strictEqual(JSON.stringify(recognizer().recognize(texts[i] ?? '')), alone[i]);
    }
  });
});
