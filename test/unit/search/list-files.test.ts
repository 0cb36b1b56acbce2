import * as assert from 'assert';
import { mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { runAtOnce } from '../../../src/core/search/time-slices';
import { FileJob } from '../../../src/workers/protocol';
import { listArticleFiles, listFileSteps, ListingFilter } from '../../../src/workers/list-files';

const TEXT_FILES: ListingFilter = { acceptsFile: (relativePath) => relativePath.endsWith('.txt'), entersFolder: (relativePath) => relativePath !== 'skipped' };

describe('listFileSteps', () => {
  let dir: string;

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'news-corpus-list-'));
    for (const folder of ['a', 'a/deeper', 'b', 'skipped']) mkdirSync(path.join(dir, folder));
    for (const file of ['top.txt', 'a/one.txt', 'a/deeper/two.txt', 'b/three.txt', 'b/notes.md', 'skipped/four.txt']) writeFileSync(path.join(dir, file), ` date 2023-09-13 ${file}`);
    symlinkSync(path.join(dir, 'a'), path.join(dir, 'loop'));
    symlinkSync(path.join(dir, 'top.txt'), path.join(dir, 'b', 'linked.txt'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const relative = (files: readonly FileJob[]) => files.map((file) => path.relative(dir, file.path).split(path.sep).join('/')).sort();

  it('lists and stats the files the filter takes, entering only the folders it allows and no folder symlink', () => {
    const listing = runAtOnce(listFileSteps(dir, TEXT_FILES));
    assert.deepStrictEqual(relative(listing.files), ['a/deeper/two.txt', 'a/one.txt', 'b/linked.txt', 'b/three.txt', 'top.txt']);
    const one = listing.files.find((file) => file.path === path.join(dir, 'a', 'one.txt'));
    const stat = statSync(path.join(dir, 'a', 'one.txt'));
    assert.deepStrictEqual([one?.size, one?.mtimeMs], [stat.size, stat.mtimeMs]);
    assert.deepStrictEqual([listing.unreadableFolders, listing.unreadableFiles], [[], []]);
  });

  it('tells what it found after each folder that added files, and stops when aborted', () => {
    const heard: number[] = [];
    runAtOnce(listFileSteps(dir, TEXT_FILES, { onFound: (files) => heard.push(files.length) }));
    assert.ok(heard.length >= 3 && heard.every((count, i) => i === 0 || count > (heard[i - 1] ?? 0)), JSON.stringify(heard));
    assert.strictEqual(heard.at(-1), 5);
    const controller = new AbortController();
    controller.abort();
    assert.deepStrictEqual(runAtOnce(listFileSteps(dir, TEXT_FILES, { signal: controller.signal })).files, []);
  });

  it('reports a root it cannot read instead of throwing', () => {
    const listing = runAtOnce(listFileSteps(path.join(dir, 'missing'), TEXT_FILES));
    assert.deepStrictEqual([listing.files, listing.unreadableFolders.map((folder) => folder.path)], [[], [path.join(dir, 'missing')]]);
  });

  it('is what listArticleFiles lists, sorted by path', () => {
    const files = listArticleFiles(dir);
    assert.deepStrictEqual(files.map((file) => path.relative(dir, file.path).split(path.sep).join('/')), ['a/deeper/two.txt', 'a/one.txt', 'b/linked.txt', 'b/three.txt', 'skipped/four.txt', 'top.txt']);
  });
});
