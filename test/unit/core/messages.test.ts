import * as assert from 'assert';
import { reasonOf, withProductPrefix } from '../../../src/core/messages';

describe('messages', () => {
  it('prefixes a message with the product name exactly once', () => {
    assert.strictEqual(withProductPrefix('the index was rebuilt'), 'News Corpus: the index was rebuilt');
    assert.strictEqual(withProductPrefix('News Corpus: the index was rebuilt'), 'News Corpus: the index was rebuilt');
  });

  it('takes the reason out of anything thrown, without the prefix', () => {
    assert.strictEqual(reasonOf(new Error('News Corpus: an indexing thread failed')), 'an indexing thread failed');
    assert.strictEqual(reasonOf(new Error('EACCES')), 'EACCES');
    assert.strictEqual(reasonOf('plain string'), 'plain string');
  });
});
