import * as assert from 'assert';
import { countOf, groupDigits, isolateBidi, partOf, quoteName, shortenAtWord, toDisplayText, toTreeText, withIndefiniteArticle } from '../../../src/core/display-text';
import { seededRandom } from '../../../src/core/random';

describe('toTreeText', () => {
  it('keeps icon syntax as written: a tree item draws no icons from a plain label, and would show a backslash', () => {
    assert.strictEqual(toTreeText('Shares $(arrow-up) 5%'), 'Shares $(arrow-up) 5%');
  });

  it('folds white space and isolates right-to-left text as toDisplayText does', () => {
    assert.strictEqual(toTreeText(' שלום\n עולם '), '\u2067שלום עולם\u2069');
  });
});

describe('shortenAtWord', () => {
  it('cuts at the last space within the limit and adds an ellipsis', () => {
    assert.strictEqual(shortenAtWord('Vladimir Putin met Kim Jong-un', 20), 'Vladimir Putin met…');
  });

  it('cuts a single long word at the limit, and leaves text that fits alone', () => {
    assert.strictEqual(shortenAtWord('Supercalifragilistic', 5), 'Super…');
    assert.strictEqual(shortenAtWord('Putin', 5), 'Putin');
  });

  it('cuts at a line break or tab too, never to nothing at a leading space, nor inside a surrogate pair', () => {
    assert.strictEqual(shortenAtWord('Vladimir\tPutin met', 12), 'Vladimir…');
    assert.strictEqual(shortenAtWord(' Supercalifragilistic', 6), ' Super…');
    assert.strictEqual(shortenAtWord('ab😀cd', 3), 'ab…');
  });
});

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

  it('isolates right-to-left text from what a label puts beside it', () => {
    assert.strictEqual(toDisplayText(' שלום\n עולם '), '\u2067שלום עולם\u2069');
  });
});

/** The isolates put around text, by its direction, and their end. */
const LRI = '\u2066';
const RLI = '\u2067';
const FSI = '\u2068';
const PDI = '\u2069';

describe('isolateBidi', () => {
  it('isolates right-to-left names, and leaves the rest as it was', () => {
    assert.deepStrictEqual(
      ['محمد بن سلمان', 'בנימין נתניהו', 'Kim Jong-un', '2024', ''].map(isolateBidi),
      [`${RLI}محمد بن سلمان${PDI}`, `${RLI}בנימין נתניהו${PDI}`, 'Kim Jong-un', '2024', ''],
    );
    assert.strictEqual(`${isolateBidi('محمد')} (person)`, `${RLI}محمد${PDI} (person)`);
  });

  it('lays out an English title that starts with an Arabic name left to right, the name isolated inside it', () => {
    assert.strictEqual(isolateBidi('محمد Salah scores twice'), `${LRI}${RLI}محمد${PDI} Salah scores twice${PDI}`);
    assert.strictEqual(toDisplayText('محمد صلاح scores twice at Anfield'), `${LRI}${RLI}محمد صلاح${PDI} scores twice at Anfield${PDI}`);
    // Each right-to-left run on its own, the digits between two of its words kept in it, those after it left out.
    assert.strictEqual(isolateBidi('Talks between محمد 2 علي and נתניהו 3 times'), `${LRI}Talks between ${RLI}محمد 2 علي${PDI} and ${RLI}נתניהו${PDI} 3 times${PDI}`);
  });

  it('lays out a title mostly in Arabic or Hebrew right to left, whatever it starts with', () => {
    assert.strictEqual(isolateBidi('الرئيس Biden يزور القاهرة'), `${RLI}الرئيس Biden يزور القاهرة${PDI}`);
    assert.strictEqual(isolateBidi('CNN: الرئيس يزور القاهرة'), `${RLI}CNN: الرئيس يزور القاهرة${PDI}`);
    assert.strictEqual(isolateBidi('ראש הממשלה נפגש עם Biden 2024'), `${RLI}ראש הממשלה נפגש עם Biden 2024${PDI}`);
  });

  it('follows the first word when the words of each direction are as many', () => {
    assert.deepStrictEqual([isolateBidi('محمد Salah'), isolateBidi('Salah محمد')], [`${RLI}محمد Salah${PDI}`, `${LRI}Salah ${RLI}محمد${PDI}${PDI}`]);
  });

  it('never isolates twice, and isolates text that holds isolated names as a whole', () => {
    const once = isolateBidi('محمد');
    assert.strictEqual(isolateBidi(once), once);
    assert.strictEqual(toDisplayText(toDisplayText('محمد')), once);
    const mixed = isolateBidi('محمد Salah scores twice');
    assert.strictEqual(isolateBidi(mixed), mixed);
    assert.strictEqual(isolateBidi(`Also written: ${once}, ${isolateBidi('אבי')}`), `${LRI}Also written: ${once}, ${RLI}אבי${PDI}${PDI}`);
  });

  it('drops the isolate controls of its own that the text never matches, which would end or open the isolate', () => {
    assert.strictEqual(isolateBidi(`محمد${PDI} 12`), `${RLI}محمد 12${PDI}`);
    assert.strictEqual(isolateBidi(`\u2067محمد`), `${RLI}محمد${PDI}`);
    assert.strictEqual(isolateBidi(`a ${FSI}محمد${PDI} b`), `${LRI}a ${FSI}محمد${PDI} b${PDI}`);
    // An override is contained by the isolate's end.
    assert.strictEqual(isolateBidi('\u202Eevil'), `${LRI}\u202Eevil${PDI}`);
  });
});

describe('quoteName', () => {
  it('quotes a name, isolated inside the quotes', () => {
    assert.deepStrictEqual([quoteName('Kim Jong-un'), quoteName('محمد')], ['"Kim Jong-un"', `"${RLI}محمد${PDI}"`]);
  });
});

describe('countOf', () => {
  it('groups digits and makes the noun plural unless the count is one', () => {
    assert.strictEqual(countOf(0, 'article'), '0 articles');
    assert.strictEqual(countOf(1, 'article'), '1 article');
    assert.strictEqual(countOf(12345, 'file'), '12,345 files');
  });

  it('takes a plural that is not the noun with an "s"', () => {
    assert.strictEqual(countOf(340, 'person', 'people'), '340 people');
    assert.strictEqual(countOf(1, 'person', 'people'), '1 person');
  });
});

describe('partOf', () => {
  it('writes a part of a whole, the digits of both grouped', () => {
    assert.deepStrictEqual([partOf(12, 340), partOf(0, 1618), partOf(1200, 12345)], ['12 of 340', '0 of 1,618', '1,200 of 12,345']);
  });

  it("names what the whole counts, plural unless the whole is one, as countOf has it", () => {
    assert.deepStrictEqual(
      [partOf(200, 12345, 'article'), partOf(0, 1, 'file'), partOf(1, 1, 'file'), partOf(0, 2, 'file'), partOf(3, 40, 'person', 'people')],
      ['200 of 12,345 articles', '0 of 1 file', '1 of 1 file', '0 of 2 files', '3 of 40 people'],
    );
  });
});

describe('groupDigits', () => {
  it("writes every whole number as toLocaleString('en-US') does", () => {
    const next = seededRandom(13);
    const samples = [0, 1, 999, 1000, 9999, 10_000, 100_000, 999_999, 1_000_000, -1, -999, -1000, -1_234_567, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER];
    for (let digits = 1; digits <= 16; digits++) for (let i = 0; i < 50; i++) samples.push(Math.floor(next() * 10 ** digits) * (next() < 0.2 ? -1 : 1));
    for (const count of samples) assert.strictEqual(groupDigits(count), count.toLocaleString('en-US'), String(count));
  });

  it('leaves other numbers to toLocaleString', () => {
    for (const value of [1234.5678, -0.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60]) assert.strictEqual(groupDigits(value), value.toLocaleString('en-US'));
  });
});

describe('withIndefiniteArticle', () => {
  it('writes "an" before a vowel and "a" before a consonant', () => {
    assert.deepStrictEqual(['organization', 'place', 'person', 'idea'].map(withIndefiniteArticle), ['an organization', 'a place', 'a person', 'an idea']);
  });

  it('writes "another", never "an other"', () => {
    assert.deepStrictEqual(['other name', 'other', 'otherness'].map(withIndefiniteArticle), ['another name', 'another', 'an otherness']);
  });
});
