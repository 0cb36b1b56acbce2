import * as assert from 'assert';
import { compileFolderGlob, compileGlob, excludesFolder, globProblem, PathFilter } from '../../../src/core/glob';
import { seededRandom } from '../../../src/core/random';

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
    ['a[!b]c', 'a/c', false],
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

describe('compileFolderGlob', () => {
  const PATTERN_SEGMENTS = ['a', 'b', '*', '**', '?', '*.txt', '{a,b}', '[ab]', '{a/b,c}', 'a*', '.git', '[!a]*', 'a[!b]c', 'x{.txt,}', ''];
  const PATH_SEGMENTS = ['a', 'b', 'c', 'x.txt', 'a.txt', '.git', 'ab', 'x', 'b.txt'];
  const pick = <T>(items: readonly T[], next: () => number): T => items[Math.floor(next() * items.length)] as T;
  const joined = (segments: readonly string[], next: () => number, most: number) => Array.from({ length: 1 + Math.floor(next() * most) }, () => pick(segments, next)).join('/');

  it('agrees with compileGlob on the whole path, for random patterns and paths (property)', () => {
    const next = seededRandom(13);
    for (let round = 0; round < 400; round++) {
      const patterns = Array.from({ length: 1 + Math.floor(next() * 3) }, () => joined(PATTERN_SEGMENTS, next, 4));
      const whole = compileGlob(...patterns);
      const byFolder = compileFolderGlob(...patterns);
      for (let i = 0; i < 20; i++) {
        const path = joined(PATH_SEGMENTS, next, 4);
        const cut = path.lastIndexOf('/');
        const name = path.slice(cut + 1);
        const folder = cut === -1 ? '' : path.slice(0, cut);
        assert.strictEqual(byFolder.inFolder(folder)(name), whole(path), `${JSON.stringify(patterns)} on ${path}`);
      }
    }
  });

  it('takes every name below a folder that a pattern ending in /** covers, and none where nothing applies', () => {
    const excluded = compileFolderGlob('**/{node_modules,.git}/**', '**/.DS_Store');
    assert.ok(excluded.inFolder('web/node_modules/pkg')('index.js'));
    assert.ok(excluded.inFolder('news')('.DS_Store'));
    assert.ok(!excluded.inFolder('news')('kim.txt'));
    assert.ok(!compileFolderGlob().inFolder('news')('kim.txt'));
  });
});

describe('PathFilter', () => {
  it("takes a folder's files by name as it takes them by whole path", () => {
    const filter = new PathFilter(['**/*.txt'], ['**/{node_modules,.git}/**', 'drafts/*.txt', '{a/b,c}/*']);
    const paths = ['news/kim.txt', 'drafts/x.txt', 'drafts/deeper/x.txt', 'a/b/y.txt', 'c/y.txt', 'news/kim.md', 'top.txt'];
    for (const path of paths) {
      const cut = path.lastIndexOf('/');
      assert.strictEqual(filter.filesIn(cut === -1 ? '' : path.slice(0, cut))(path.slice(cut + 1)), filter.acceptsFile(path), path);
    }
    assert.deepStrictEqual(paths.filter((path) => filter.acceptsFile(path)), ['news/kim.txt', 'drafts/deeper/x.txt', 'top.txt']);
    assert.ok(!filter.entersFolder('web/node_modules'));
    assert.ok(filter.entersFolder('drafts'));
  });
});

describe('globProblem', () => {
  it('says where a bracket of the pattern is never closed or closes nothing: what QA typed as the include setting', () => {
    assert.strictEqual(globProblem('**/{live'), 'the "{" at character 4 of "**/{live" is never closed');
    assert.strictEqual(globProblem('['), 'the "[" at character 1 of "[" is never closed');
    assert.strictEqual(globProblem('**/{a,{b,c}'), 'the "{" at character 4 of "**/{a,{b,c}" is never closed');
    assert.strictEqual(globProblem('**/*.txt}'), 'the "}" at character 9 of "**/*.txt}" closes no "{"');
    assert.strictEqual(globProblem('news]/*.txt'), 'the "]" at character 5 of "news]/*.txt" closes no "["');
  });

  it('finds nothing wrong in the patterns the settings use, brackets paired, nested or inside a class', () => {
    for (const pattern of ['', '**/*.txt', '**/{node_modules,.git}/**', '{a/b,c}/*', '**/[!abc]*.txt', 'a[{]b', '**/x{.txt,}', '**/{a,{b,c}}/*', './news/*.txt']) {
      assert.strictEqual(globProblem(pattern), undefined, pattern);
    }
  });

  it('leaves the matching of a malformed pattern as it was', () => {
    assert.ok(compileGlob('**/{live')('news/live'));
    assert.ok(compileGlob('[')('['));
  });
});
