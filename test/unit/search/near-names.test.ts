import * as assert from 'assert';
import { containedRank, nearNames, nearestPart } from '../../../src/core/search/near-names';

describe('near names', () => {
  const scholz = { name: 'Olaf Scholz', aliases: ['Scholz'] };
  const merkel = { name: 'Angela Merkel', aliases: [] };
  const schulz = { name: 'Martin Schulz', aliases: [] };
  const kim = { name: 'Kim Jong-un', aliases: ['Kim'] };
  const trump = { name: 'Donald Trump', aliases: ['Trump'] };

  it('finds a name one or two edits from a typed word, nearest first, any case', () => {
    assert.deepStrictEqual(nearNames('Scholtz', [schulz, merkel, scholz], 5), [scholz, schulz]);
    assert.deepStrictEqual(nearNames('MERKLE', [scholz, merkel], 5), [merkel]);
  });

  it('counts two neighbouring letters swapped as one typo, as the search does', () => {
    assert.deepStrictEqual(nearNames('Trmup', [scholz, trump], 5), [trump]);
    assert.deepStrictEqual(nearNames('donald turmp', [trump, kim], 5), [trump]);
  });

  it('compares a typed run of words with as many words of a name or an alias', () => {
    assert.deepStrictEqual(nearNames('olaf schols', [merkel, scholz], 5), [scholz]);
    assert.deepStrictEqual(nearNames('kim jong-im', [kim, scholz], 5), [kim]);
  });

  it('suggests nothing for a text too short or too far from every name, and at most `limit`', () => {
    assert.deepStrictEqual(nearNames('Kin', [kim], 5), []);
    assert.deepStrictEqual(nearNames('Sarkozy', [scholz, merkel, schulz, kim], 5), []);
    assert.deepStrictEqual(nearNames('Scholtz', [schulz, scholz], 1), [scholz]);
  });
});

describe('nearestPart', () => {
  it('finds the run of words nearest to the typed text, as the name writes it, or the whole of a shorter name', () => {
    assert.deepStrictEqual(nearestPart('Trunp', 'Donald Trump'), { part: 'Trump', edits: 1 });
    assert.deepStrictEqual(nearestPart('new yrok', 'The New York Times'), { part: 'New York', edits: 1 });
    assert.deepStrictEqual(nearestPart('Moskow city', 'Moscow'), { part: 'Moscow', edits: 6 });
  });

  it('ranks a name with a word starting with the typed text before one holding it inside a word (ux38b)', () => {
    assert.deepStrictEqual(['Undersecretary', 'Carole Ryavec', 'European Commission', 'EC'].map((name) => containedRank(name, 'ec')), [1, 1, 1, 0]);
    assert.deepStrictEqual(['Donald Trump', 'Trump', 'Jean-Claude Juncker'].map((name) => containedRank(name, 'trump')), [0, 0, 1]);
    assert.strictEqual(containedRank('Jean-Claude Juncker', 'claude'), 0);
    assert.strictEqual(containedRank('Ec', ' EC '), 0);
  });
});

