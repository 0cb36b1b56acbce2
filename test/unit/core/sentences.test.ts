import * as assert from 'assert';
import { firstSentence } from '../../../src/core/sentences';

describe('firstSentence', () => {
  it('stops at the first sentence end', () => {
    assert.strictEqual(firstSentence('Kim arrived. Putin waited.'), 'Kim arrived.');
  });

  it('keeps closing quotes with the sentence', () => {
    assert.strictEqual(firstSentence('He said “we will win.” Then he left.'), 'He said “we will win.”');
  });

  it('handles question and exclamation marks', () => {
    assert.strictEqual(firstSentence('Who won? Nobody knows.'), 'Who won?');
  });

  it('passes over titles, initials, acronyms and month abbreviations', () => {
    assert.strictEqual(firstSentence('Dr. A. B. Jones of the U.N. spoke on Jan. 5 in N.Y. today. More follows.'), 'Dr. A. B. Jones of the U.N. spoke on Jan. 5 in N.Y. today.');
  });

  it('does not break before a lower-case word', () => {
    assert.strictEqual(firstSentence('Prices rose 4.5 pct. in March, traders said.'), 'Prices rose 4.5 pct. in March, traders said.');
  });

  it('returns the whole text when it has a single sentence', () => {
    assert.strictEqual(firstSentence('No end mark here'), 'No end mark here');
    assert.strictEqual(firstSentence(''), '');
  });
});
