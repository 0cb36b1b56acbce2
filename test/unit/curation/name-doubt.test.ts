import * as assert from 'assert';
import { nameDoubt } from '../../../src/core/curation/name-doubt';

describe('nameDoubt', () => {
  it('doubts a clause, a text over a sentence end and a very long text', () => {
    assert.strictEqual(nameDoubt('Olaf Scholz in Berlin on Monday to discuss the Wellington'), 'it has 2 words in lower case (in, discuss)');
    assert.strictEqual(nameDoubt('met on Monday. The President'), 'it runs over the end of a sentence');
    assert.strictEqual(nameDoubt('Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu'), 'it has 12 words');
  });

  it('takes names with the lower-case words names hold, initials and titles', () => {
    const names = [
      'Minister of Natural Resources and Environment',
      'Society for the Prevention of Cruelty to Animals',
      'Ludwig van Beethoven',
      'Mohammed bin Salman',
      'George W. Bush',
      'Mr. Smith',
      'Sen. John McCain',
      'Acme Corp. Chairman',
      'U.S. Army',
      'Council on Foreign Relations',
      'Kim Jong-un',
      'Vostochny',
    ];
    for (const name of names) assert.strictEqual(nameDoubt(name), undefined, name);
  });
});
