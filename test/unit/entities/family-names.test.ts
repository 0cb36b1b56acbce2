import * as assert from 'assert';
import { retypeFamilyNames } from '../../../src/core/entities/family-names';
import { EntitySpan, EntityType } from '../../../src/core/entities/types';

/** The spans of `names` (text and type) laid out one after another, as a recogniser would return them. */
function spansOf(...names: Array<[string, EntityType]>): EntitySpan[] {
  let start = 0;
  return names.map(([text, type]) => {
    const span = { start, end: start + text.length, type, text };
    start = span.end + 1;
    return span;
  });
}

const typesOf = (spans: readonly EntitySpan[]): string[] => spans.map((span) => `${span.text}:${span.type}`);

describe('family names typed as the person the text names in full (retypeFamilyNames)', () => {
  it('makes a person of a lone place or organization that is the last word of a person', () => {
    const spans = spansOf(['Manuel Belgrano', 'PER'], ['Belgrano', 'ORG'], ['Valeska Paris', 'PER'], ['Paris', 'LOC']);
    assert.deepStrictEqual(typesOf(retypeFamilyNames(spans)), ['Manuel Belgrano:PER', 'Belgrano:PER', 'Valeska Paris:PER', 'Paris:PER']);
  });

  it('keeps offsets and text, and changes nothing without a person of several words', () => {
    const spans = spansOf(['Putin', 'PER'], ['Paris', 'LOC'], ['Belgrano', 'ORG']);
    const result = retypeFamilyNames(spans);
    assert.deepStrictEqual(result, spans);
    const retyped = retypeFamilyNames(spansOf(['Manuel Belgrano', 'PER'], ['Belgrano', 'ORG']))[1];
    assert.deepStrictEqual(retyped, { start: 16, end: 24, type: 'PER', text: 'Belgrano' });
  });

  it('leaves MISC, names of several words, first names and other spellings alone', () => {
    const spans = spansOf(
      ['George Washington', 'PER'],
      ['Washington', 'MISC'],
      ['Washington Post', 'ORG'],
      ['George', 'LOC'],
      ['WASHINGTON', 'LOC'],
      ['Washington', 'LOC'],
    );
    assert.deepStrictEqual(typesOf(retypeFamilyNames(spans)), [
      'George Washington:PER',
      'Washington:MISC',
      'Washington Post:ORG',
      'George:LOC',
      'WASHINGTON:LOC',
      'Washington:PER',
    ]);
  });
});
