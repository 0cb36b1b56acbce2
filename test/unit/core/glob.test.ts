import * as assert from 'assert';
import { compileGlob, excludesFolder } from '../../../src/core/glob';

describe('compileGlob', () => {
  const cases: readonly [string, string, boolean][] = [
    ['**/*.txt', 'a.txt', true],
    ['**/*.txt', 'news/2023/a.txt', true],
    ['**/*.txt', 'news/a.md', false],
    ['**/*.txt', 'news/a.txt.bak', false],
    ['*.txt', 'news/a.txt', false],
    ['news/*.txt', 'news/a.txt', true],
    ['news/*.txt', 'news/x/a.txt', false],
    ['news/**', 'news/x/a.txt', true],
    ['**/{node_modules,.git}/**', 'web/node_modules/pkg/a.txt', true],
    ['**/{node_modules,.git}/**', '.git/HEAD', true],
    ['**/{node_modules,.git}/**', 'src/gitlike/a.txt', false],
    ['**/file?.txt', 'x/file1.txt', true],
    ['**/file?.txt', 'x/file10.txt', false],
    ['**/[abc]*.txt', 'b-story.txt', true],
    ['**/[!abc]*.txt', 'b-story.txt', false],
    ['**/*.(txt)', 'a.(txt)', true],
    ['**/a+b.txt', 'a+b.txt', true],
    ['**/a+b.txt', 'aab.txt', false],
    ['./news/*.txt', 'news/a.txt', true],
  ];
  for (const [pattern, path, expected] of cases) {
    it(`${pattern} ${expected ? 'matches' : 'does not match'} ${path}`, () => {
      assert.strictEqual(compileGlob(pattern)(path), expected);
    });
  }

  it('matches if any of several patterns matches, and nothing when all are empty', () => {
    const matcher = compileGlob('**/*.log', '**/drafts/**');
    assert.ok(matcher('a/b.log'));
    assert.ok(matcher('drafts/x.txt'));
    assert.ok(!matcher('final/x.txt'));
    assert.ok(!compileGlob('', '  ')('a.txt'));
  });
});

describe('excludesFolder', () => {
  it('prunes folders the pattern names or covers entirely', () => {
    assert.ok(excludesFolder(compileGlob('**/node_modules/**'), 'web/node_modules'));
    assert.ok(excludesFolder(compileGlob('**/.git'), '.git'));
    assert.ok(excludesFolder(compileGlob('drafts/**'), 'drafts'));
  });

  it('keeps folders that only some files below are excluded from', () => {
    assert.ok(!excludesFolder(compileGlob('**/*.log'), 'logs'));
    assert.ok(!excludesFolder(compileGlob('**/x'), 'logs'));
    assert.ok(!excludesFolder(compileGlob('drafts/**'), 'final'));
  });
});
