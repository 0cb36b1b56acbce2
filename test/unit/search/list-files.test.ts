import * as assert from 'assert';
import { mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { describeSkip } from '../../../src/core/article-file';
import { runAtOnce } from '../../../src/core/search/time-slices';
import { FileJob } from '../../../src/workers/protocol';
import { PathFilter } from '../../../src/core/glob';
import { listArticleFiles, listFileSteps, ListingFilter } from '../../../src/workers/list-files';
import { FIRST_ARTICLES, readFirstArticles } from '../../../src/workers/first-articles';
import { listInThread } from '../../../src/workers/list-thread';
import { article } from './fixtures';

const TEXT_FILES: ListingFilter = { filesIn: () => (name) => name.endsWith('.txt'), entersFolder: (relativePath) => relativePath !== 'skipped' };

describe('listFileSteps and broken symbolic links', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'news-corpus-links-'));
    writeFileSync(path.join(dir, 'real.txt'), ' date 2023-09-13 Real.');
    symlinkSync(path.join(dir, 'nowhere.txt'), path.join(dir, 'dangling.txt'));
    symlinkSync(path.join(dir, 'loop.txt'), path.join(dir, 'loop.txt'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('lists a link to nothing and a link to itself as unreadable, each with a plain reason, and the real file as a file', () => {
    const listing = runAtOnce(listFileSteps(dir, TEXT_FILES));
    assert.deepStrictEqual(listing.files.map((file) => path.basename(file.path)), ['real.txt']);
    const reasons = listing.unreadableFiles.map(({ path: file, error }) => `${path.basename(file)}: ${describeSkip('unreadable', { error })}`).sort();
    assert.deepStrictEqual(reasons, ['dangling.txt: could not be read: a symbolic link to a file that does not exist', 'loop.txt: could not be read: a symbolic link that leads back to itself']);
  });
});

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

  it('lists in a thread of its own what it lists on the calling thread, first files first', async () => {
    const globs = { include: ['**/*.txt'], exclude: ['skipped/**', '**/linked.txt'], maxFileBytes: 1_000_000 };
    const here = runAtOnce(listFileSteps(dir, new PathFilter(globs.include, globs.exclude)));
    const heard: number[] = [];
    const there = await listInThread({ root: dir, ...globs }, { onFirstArticles: (articles) => heard.push(articles.length) });
    assert.deepStrictEqual(relative(there.files), ['a/deeper/two.txt', 'a/one.txt', 'b/three.txt', 'top.txt']);
    assert.deepStrictEqual(there, { ...here, files: there.files });
    assert.deepStrictEqual([...there.files].sort((a, b) => a.path.localeCompare(b.path)), [...here.files].sort((a, b) => a.path.localeCompare(b.path)));
    assert.strictEqual(heard.length, 1);
    const missing = await listInThread({ root: path.join(dir, 'missing'), ...globs });
    assert.deepStrictEqual(missing.unreadableFolders.map((folder) => folder.path), [path.join(dir, 'missing')]);
    const controller = new AbortController();
    controller.abort();
    assert.deepStrictEqual((await listInThread({ root: dir, ...globs }, { signal: controller.signal })).files, []);
  });
});

describe('the first articles of a listing', () => {
  let dir: string;

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'news-corpus-first-'));
    mkdirSync(path.join(dir, 'news'));
    writeFileSync(path.join(dir, 'news', 'arrival.txt'), article('2023-09-12', 'Kim arrives in Russia.', 'By armoured train.'));
    writeFileSync(path.join(dir, 'news', 'notes.txt'), 'no date header: not an article');
    writeFileSync(path.join(dir, 'news', 'long.txt'), article('2023-09-13', 'A long one.', 'x'.repeat(2_000)));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const file = (name: string) => {
    const full = path.join(dir, 'news', name);
    return { path: full, size: statSync(full).size };
  };

  it('are the titles and dates of the first files that are articles, the files not larger than the limit', () => {
    const files = [file('arrival.txt'), file('notes.txt'), file('long.txt'), { path: path.join(dir, 'gone.txt'), size: 10 }];
    assert.deepStrictEqual(readFirstArticles(files, 1_000), [{ path: file('arrival.txt').path, title: 'Kim arrives in Russia.', date: '2023-09-12' }]);
    assert.deepStrictEqual(readFirstArticles(files, 1_000_000).map((summary) => summary.title), ['Kim arrives in Russia.', 'A long one.']);
    const many = Array.from({ length: FIRST_ARTICLES + 5 }, () => file('arrival.txt'));
    assert.strictEqual(readFirstArticles(many, 1_000).length, FIRST_ARTICLES);
  });

  it('are read by the listing thread and handed over with the first files, once', async () => {
    const heard: (readonly { title: string; date?: string }[])[] = [];
    await listInThread({ root: dir, include: ['**/*.txt'], exclude: [], maxFileBytes: 1_000 }, { onFirstArticles: (articles) => heard.push(articles) });
    assert.deepStrictEqual(heard, [[{ path: file('arrival.txt').path, title: 'Kim arrives in Russia.', date: '2023-09-12' }]]);
  });

  it('end the listing with what their listener throws, rather than leaving it uncaught in this process', async () => {
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', onUncaught);
    const broken = new Error('the listener broke');
    try {
      await assert.rejects(
        listInThread({ root: dir, include: ['**/*.txt'], exclude: [], maxFileBytes: 1_000 }, {
          onFirstArticles: () => {
            throw broken;
          },
        }),
        (error) => error === broken,
      );
    } finally {
      process.off('uncaughtException', onUncaught);
    }
    assert.deepStrictEqual(uncaught, []);
  });
});
