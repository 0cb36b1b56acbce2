import * as assert from 'assert';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Corpus } from '../../src/core/corpus';
import { ownFolders, serviceOver } from './own-service';

/** More articles than the indexing threads hand over at once, so that the build lists them in several steps. */
const ARTICLES = 120;

/** The corpus's articles and skipped files, in an order of their own. */
function contentsOf(corpus: Corpus): { articles: unknown[]; skipped: unknown[] } {
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { articles: [...corpus.articles()].sort(byId), skipped: [...corpus.skipped()].sort(byId) };
}

describe('The end of a first build', () => {
  const folders = ownFolders('first-build', (dir) => {
    for (let i = 0; i < ARTICLES; i++) writeFileSync(path.join(dir, `article-${i}.txt`), ` date 2022-0${(i % 9) + 1}-15 Article ${i}, built for the first time.`);
    writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x4e, 0x00, 0x43, 0x00]));
  });

  it('lists only what the build had not listed, as new articles, and leaves the corpus as a reopen lists it from the saved index', async () => {
    const cacheFile = path.join(folders.cacheDir, 'index.ncidx');
    const built = serviceOver(folders.dir, cacheFile, []);
    const changes: (number | 'all')[] = [];
    const stop = built.corpus.subscribe((change) => changes.push(change === undefined ? 'all' : change.added.length));
    try {
      await built.rescan();
      await built.whenIdle();
      await built.saveNow();
    } finally {
      stop();
      built.dispose();
    }
    const reopened = serviceOver(folders.dir, cacheFile, []);
    try {
      await reopened.rescan();
      await reopened.whenIdle();
      assert.strictEqual(reopened.corpus.size, ARTICLES);
      assert.deepStrictEqual(contentsOf(built.corpus), contentsOf(reopened.corpus));
    } finally {
      reopened.dispose();
    }
    assert.ok(changes.length > 1, `listed as it was built: ${JSON.stringify(changes)}`);
    assert.notStrictEqual(changes.at(-1), 'all', `the end of the build does not list every article again: ${JSON.stringify(changes)}`);
    assert.strictEqual(built.corpus.skippedCount, 1);
  });
});
