import * as assert from 'assert';
import { RememberedEntities } from '../../../src/core/entities/remembered-entities';
import { ArticleEntity } from '../../../src/core/entities/types';

describe('RememberedEntities', () => {
  const analysed: string[] = [];
  const entityOf = (text: string): ArticleEntity => ({ key: `PER:${text}`, name: text, type: 'PER', aliases: [], mentions: [], forms: [] });
  const remembered = () =>
    new RememberedEntities((text) => {
      analysed.push(text);
      return [entityOf(text)];
    }, 2);

  beforeEach(() => (analysed.length = 0));

  it('analyses a text once, and again once it was edited', () => {
    const memo = remembered();
    const first = memo.of('Kim met Putin.');
    // Another string with the same characters, as each document.getText() returns.
    assert.strictEqual(memo.of(['Kim', 'met', 'Putin.'].join(' ')), first);
    memo.of('Kim met Putin again.');
    assert.deepStrictEqual(analysed, ['Kim met Putin.', 'Kim met Putin again.']);
  });

  it('forgets the text asked for least recently', () => {
    const memo = remembered();
    memo.of('a');
    memo.of('b');
    memo.of('a');
    memo.of('c');
    memo.of('a');
    assert.deepStrictEqual(analysed, ['a', 'b', 'c'], '"a", asked again after "b", outlived it');
    memo.of('b');
    assert.deepStrictEqual(analysed, ['a', 'b', 'c', 'b']);
  });

  it('answers what it remembers without analysing, and remembers entities found elsewhere', () => {
    const memo = remembered();
    assert.strictEqual(memo.known('a long article'), undefined);
    const found = [entityOf('found on a thread')];
    assert.strictEqual(memo.remember('a long article', found), found);
    assert.strictEqual(memo.known('a long article'), found);
    assert.strictEqual(memo.of('a long article'), found);
    memo.of('b');
    memo.known('a long article');
    memo.of('c');
    assert.strictEqual(memo.known('a long article'), found, 'asked again by known(), it outlived "b"');
    assert.strictEqual(memo.known('b'), undefined);
    assert.deepStrictEqual(analysed, ['b', 'c']);
  });
});
