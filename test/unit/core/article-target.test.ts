import * as assert from 'assert';
import { articleTargetOf } from '../../../src/core/article-target';

describe('articleTargetOf', () => {
  it('reads the article and selection of tree elements', () => {
    assert.deepStrictEqual(articleTargetOf({ kind: 'article', id: 'file:///a.txt' }), { id: 'file:///a.txt' });
    assert.deepStrictEqual(articleTargetOf({ kind: 'mention', id: 'file:///a.txt', selection: { line: 2, character: 7, length: 14 } }), {
      id: 'file:///a.txt',
      selection: { line: 2, character: 7, length: 14 },
    });
  });

  it('ignores what is not a target, and a malformed selection', () => {
    for (const value of [undefined, null, 'file:///a.txt', 42, {}, { id: '' }, { id: 3 }]) assert.strictEqual(articleTargetOf(value), undefined);
    assert.deepStrictEqual(articleTargetOf({ id: 'file:///a.txt', selection: { line: -1, character: 0, length: 1 } }), { id: 'file:///a.txt' });
    assert.deepStrictEqual(articleTargetOf({ id: 'file:///a.txt', selection: 'everything' }), { id: 'file:///a.txt' });
  });
});
