import * as assert from 'assert';
import { ENTITY_TERM_PREFIX } from '../../../src/core/search/analyzed-batch';
import { TermDictionary } from '../../../src/core/search/term-dictionary';

/** `near`'s answer as `term distance` strings, sorted. */
function nearOf(dictionary: TermDictionary, term: string, maxEdits: number): string[] {
  return [...dictionary.near(term, maxEdits)].map(([found, [, distance]]) => `${found} ${distance}`).sort();
}

describe('TermDictionary.near', () => {
  const dictionary = new TermDictionary(['trump', 'tramp', 'rump', 'the', 'president', 'precedent', 'see', 'ese', `${ENTITY_TERM_PREFIX}trump`]);

  it('counts two neighbouring letters swapped as one typo: QA typed trmup for trump', () => {
    assert.deepStrictEqual(nearOf(dictionary, 'trmup', 1), ['trump 1']);
    assert.deepStrictEqual(nearOf(dictionary, 'trupm', 1), ['trump 1']);
    // Levenshtein's one edit still is one.
    assert.deepStrictEqual(nearOf(dictionary, 'trunp', 1), ['trump 1']);
  });

  it('finds the swap of the first two letters, though other edits keep the first letter', () => {
    assert.deepStrictEqual(nearOf(dictionary, 'hte', 1), ['the 1']);
    assert.deepStrictEqual(nearOf(dictionary, 'rtump', 1), ['rump 1', 'trump 1']);
    assert.deepStrictEqual(nearOf(dictionary, 'xrump', 1), []);
  });

  it('with two typos allowed, finds a swap and another typo, and gives each term its smallest distance', () => {
    // "prseidnt": "es" swapped and an "e" left out; three Levenshtein edits.
    assert.deepStrictEqual(nearOf(dictionary, 'prseidnt', 2), ['president 2']);
    assert.deepStrictEqual(nearOf(dictionary, 'presdient', 2), ['president 1']);
    assert.deepStrictEqual(nearOf(dictionary, 'president', 2), ['precedent 2', 'president 0']);
  });

  it('swaps only letters that differ, finds no entity term, and nothing for an empty word or no edit', () => {
    assert.deepStrictEqual(nearOf(dictionary, 'see', 1), ['ese 1', 'see 0']);
    assert.deepStrictEqual(nearOf(dictionary, 'rtump', 2).filter((found) => found.startsWith(ENTITY_TERM_PREFIX)), []);
    assert.deepStrictEqual(nearOf(dictionary, '', 1), []);
    assert.deepStrictEqual(nearOf(dictionary, 'trmup', 0), []);
  });
});
