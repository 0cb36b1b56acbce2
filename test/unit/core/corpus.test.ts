import * as assert from 'assert';
import { Corpus } from '../../../src/core/corpus';

describe('Corpus.datedSpan', () => {
  it('spans the first and last dated article, undated ones left out, and follows every change', () => {
    const corpus = new Corpus();
    assert.strictEqual(corpus.datedSpan(), undefined, 'no article');
    corpus.update({ articles: [{ id: 'a', path: 'a.txt', date: '1987-03-02', title: 'A' }, { id: 'u', path: 'u.txt', title: 'Undated' }] });
    assert.deepStrictEqual(corpus.datedSpan(), { first: '1987-03-02', last: '1987-03-02' });
    corpus.update({ articles: [{ id: 'b', path: 'b.txt', date: '1987-02-26', title: 'B' }, { id: 'c', path: 'c.txt', date: '1987-10-20', title: 'C' }] });
    assert.deepStrictEqual(corpus.datedSpan(), { first: '1987-02-26', last: '1987-10-20' });
    corpus.update({ removed: ['c'] });
    assert.deepStrictEqual(corpus.datedSpan(), { first: '1987-02-26', last: '1987-03-02' });
    corpus.reset([{ id: 'u', path: 'u.txt', title: 'Undated' }], []);
    assert.strictEqual(corpus.datedSpan(), undefined, 'none dated');
  });
});
